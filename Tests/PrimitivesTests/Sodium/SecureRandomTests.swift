import Primitives
import Testing

struct SecureRandomTests {
    @Test("random bytes and secrets have the requested length and do not repeat")
    func lengthsAndFreshness() {
        #expect(SecureRandom.bytes(count: 0).isEmpty)
        #expect(SecureRandom.bytes(count: 33).count == 33)
        #expect(SecureRandom.bytes(count: 32) != SecureRandom.bytes(count: 32))
        let secret = SecureRandom.secret(count: 32)
        #expect(secret.count == 32)
        #expect(secret != SecureRandom.secret(count: 32))
        // 32 zero bytes would mean the buffer was never filled.
        #expect(secret.unsafeArray != [UInt8](repeating: 0, count: 32))
    }
}
