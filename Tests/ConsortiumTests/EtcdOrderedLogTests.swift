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
        try await log.publish([UInt64(0), 5, 12].map { height in
            PublishedSignature(height: height, blockHash: hash,
                               signature: NodeSignature(nodeKey: node, signature: [UInt8](repeating: UInt8(height), count: 64)))
        })
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

    @Test("a batch of signatures larger than one etcd transaction takes is published whole")
    func publishesLargeBatches() async throws {
        let cluster = try EtcdCluster(size: 1)
        defer { cluster.stop() }
        let log = EtcdOrderedLog(etcd: EtcdClient(endpoints: cluster.endpoints, httpClient: .shared), chainId: "batch-test")
        let node = [UInt8](repeating: 7, count: 32)
        // etcd refuses a transaction of more than 128 operations by default: 300 takes several.
        let published = (UInt64(0)..<300).map { height in
            PublishedSignature(height: height, blockHash: [UInt8](repeating: UInt8(height % 251), count: 32),
                               signature: NodeSignature(nodeKey: node, signature: [UInt8](repeating: 3, count: 64)))
        }
        try await log.publish(published)
        let snapshot = try await log.read(entriesFrom: 0, limit: 1, signaturesFrom: 0)
        #expect(snapshot.signatures.map(\.height) == Array(0..<300))
        #expect(Set(snapshot.signatures) == Set(published))
    }

    @Test("compaction deletes the entries below its sequence and the signatures at or below its height, never moves back, and a reader waiting from before it is not left waiting")
    func compacts() async throws {
        let cluster = try EtcdCluster(size: 1)
        defer { cluster.stop() }
        let log = EtcdOrderedLog(etcd: EtcdClient(endpoints: cluster.endpoints, httpClient: .shared), chainId: "compaction-test")
        for index in 0..<5 { _ = try await log.append(Array("entry \(index)".utf8)) }
        let node = [UInt8](repeating: 7, count: 32), hash = [UInt8](repeating: 1, count: 32)
        for height in UInt64(0)..<4 {
            try await log.publish([PublishedSignature(height: height, blockHash: hash,
                                                      signature: NodeSignature(nodeKey: node, signature: [UInt8](repeating: 9, count: 64)))])
        }
        let before = try await log.read(entriesFrom: 0, limit: 0, signaturesFrom: 0)
        #expect(try await log.compaction() == nil)

        let marker = LogCompaction(sequence: 3, height: 1, blockHash: hash)
        #expect(try await log.compact(to: marker) == marker)
        #expect(try await log.compaction() == marker)
        let after = try await log.read(entriesFrom: 0, limit: 0, signaturesFrom: 0)
        #expect(after.entries.map(\.sequence) == [3, 4])
        #expect(after.signatures.map(\.height) == [2, 3])

        let lower = LogCompaction(sequence: 2, height: 0, blockHash: hash)
        #expect(try await log.compact(to: lower) == marker, "the marker never moves down")
        #expect(try await log.append(Array("entry 5".utf8)) == 5, "appends go on after the compaction")

        // etcd's history before the compaction is gone: a watch from there answers at once
        // (cancelled, or with the later changes), so the reader reads again.
        let started = ContinuousClock.now
        try await log.waitForChange(after: before.version, timeout: .seconds(30))
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
