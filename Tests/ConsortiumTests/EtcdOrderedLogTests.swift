import Benchmarks
import AsyncHTTPClient
import Chain
import Consortium
import Foundation
import Testing

/// The chain's `OrderedLog` in a real three-member etcd cluster: entries and published
/// signatures read back, and a watch that wakes a reader on the next change and not before.
@Suite(.serialized)
struct EtcdOrderedLogTests {
    @Test("entries and signatures read back from the heights asked for, and a watch wakes the reader only on a change")
    func readsAndWatches() async throws {
        let cluster = try EtcdCluster()
        defer { cluster.stop() }
        let log = EtcdOrderedLog(etcd: EtcdClient(endpoints: cluster.endpoints, httpClient: .shared), chainId: "watch-test")
        #expect(try await log.append(Array("first".utf8)) == 0)
        #expect(try await log.append(Array("second".utf8)) == 1)
        let node = [UInt8](repeating: 7, count: 32), hash = [UInt8](repeating: 1, count: 32)
        for height in [UInt64(0), 5, 12] {
            try await log.publish(PublishedSignature(height: height, blockHash: hash,
                                                     signature: NodeSignature(nodeKey: node, signature: [UInt8](repeating: UInt8(height), count: 64))))
        }
        let snapshot = try await log.read(entriesFrom: 1, limit: 10, signaturesFrom: 5)
        #expect(snapshot.entries.map(\.sequence) == [1])
        #expect(snapshot.entries.first?.entry == Array("second".utf8))
        #expect(snapshot.signatures.map(\.height) == [5, 12], "heights compare as numbers: 12 after 5")
        #expect(snapshot.signatures.allSatisfy { $0.signature.nodeKey == node && $0.blockHash == hash })

        let quiet = ContinuousClock.now
        try await log.waitForChange(after: snapshot.version, timeout: .milliseconds(700))
        #expect(ContinuousClock.now - quiet >= .milliseconds(600), "nothing changed: the wait lasts its timeout")

        let appender = Task {
            try await Task.sleep(for: .milliseconds(300))
            return try await log.append(Array("third".utf8))
        }
        let started = ContinuousClock.now
        try await log.waitForChange(after: snapshot.version, timeout: .seconds(30))
        #expect(ContinuousClock.now - started < .seconds(20), "the append woke the watch")
        #expect(try await appender.value == 2)
        let after = try await log.read(entriesFrom: 2, limit: 10, signaturesFrom: 0)
        #expect(after.entries.map(\.sequence) == [2])
        #expect(after.version > snapshot.version)
    }
}
