import Chain
import Primitives
import Testing

/// `specs/audit.md` §1.1: a member's name and long-term key reach public state only sealed to
/// the auditor, in boxes of one length.
struct MemberProfileTests {
    @Test("a sealed profile has one length whatever the name, opens only with the auditor's key, and names its member's handle")
    func sealing() throws {
        let auditor = X25519PrivateKey()
        let key = Secp256k1PrivateKey().publicKey
        let short = try MemberProfile(name: "a", publicKey: key), long = try MemberProfile(name: String(repeating: "z", count: 64), publicKey: key)
        let boxes = try [short, long, short].map { try $0.sealed(to: auditor.publicKey) }
        #expect(boxes.allSatisfy { $0.count == MemberProfile.sealedLength })
        #expect(boxes[0] != boxes[2])
        #expect(try MemberProfile(opening: boxes[1], with: auditor) == long)
        #expect(throws: ChainError(.unauthorized, "")) { try MemberProfile(opening: boxes[0], with: X25519PrivateKey()) }
        #expect(throws: ChainError(.invalidBody, "")) { try MemberProfile(name: String(repeating: "z", count: 65), publicKey: key) }
        let record = try MemberRecord(profile: short, custody: "hsm", sealedTo: auditor.publicKey, epoch: 7)
        #expect(record.handle == MemberHandle(publicKey: key).description && record.profileEpoch == 7)
        #expect(try record.openProfile(with: auditor) == short)
    }
}
