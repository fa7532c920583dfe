import Chain
import ChainTestSupport
import Foundation
import Primitives
import Testing

/// `specs/chain.md` §2.3: the membership service keeps no member-to-key table, only one
/// auditor-sealed log entry per request, which names no one-time key.
struct IssuanceLogTests {
    /// Collects issuance-log entries from the service.
    final class IssuanceLog: @unchecked Sendable {
        // Guarded by `lock`.
        private let lock = NSLock()
        private var stored: [[UInt8]] = []
        func append(_ entry: [UInt8]) { lock.withLock { stored.append(entry) } }
        var entries: [[UInt8]] { lock.withLock { stored } }
    }

    @Test("each certified request leaves one log entry sealed to the auditor: handle, epoch, count and key hash")
    func issuanceLog() async throws {
        let chain = try ChainFixture()
        let log = IssuanceLog()
        let service = chain.membershipService(reading: chain.store, log: { log.append($0) })
        let (_, first) = try await chain.request("alice", count: 3)
        let (_, second) = try await chain.request("bob", count: 1)
        let (_, refused) = try await chain.request("alice", count: 1, signer: "bob")
        let now = chain.clock.nowMilliseconds()
        _ = try service.certify(first, now: now)
        #expect(throws: ChainError(.unauthorized, "")) { try service.certify(refused, now: now) }
        _ = try service.certify(second, now: now)
        let entries = log.entries
        try #require(entries.count == 2)
        for (entry, request) in zip(entries, [first, second]) {
            // 32-byte handle ‖ u64 epoch ‖ u32 count ‖ SHA-256 of the keys, plus the sealed box's 48 bytes.
            #expect(entry.count == 76 + SealedBox.overhead)
            let plaintext = try SealedBox.open(entry, with: chain.auditorKey)
            var expected = ByteWriter()
            expected.raw(request.memberHandle.bytes)
            expected.u64(request.epoch)
            expected.u32(UInt32(request.oneTimeKeys.count))
            expected.raw(chain.suite.hash.digest(request.oneTimeKeys.flatMap { $0 }))
            #expect(plaintext == expected.bytes)
            // No 8-byte run of any one-time key appears, sealed or opened.
            for key in request.oneTimeKeys {
                for start in 0...(key.count - 8) {
                    #expect(!Self.contains(entry, key[start..<start + 8]))
                    #expect(!Self.contains(plaintext, key[start..<start + 8]))
                }
            }
        }
        #expect(throws: (any Error).self) { try SealedBox.open(entries[0], with: X25519PrivateKey()) }
    }

    static func contains(_ haystack: [UInt8], _ needle: some Collection<UInt8>) -> Bool {
        let needle = Array(needle)
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<$0 + needle.count]) == needle }
    }
}
