import Benchmarks
import AsyncHTTPClient
import Consortium
import Foundation
import NIOCore
import Testing

/// The consortium's ordered log against a real three-member etcd cluster on 127.0.0.1: dense,
/// gap-free order whatever the interleaving of appenders, and writes that survive one member's
/// crash but not the loss of a majority.
@Suite(.serialized)
struct OrderingLogTests {
    @Test("put, range by prefix, a compare-and-set transaction and delete behave as etcd's v3 API says")
    func keyValueBasics() async throws {
        let cluster = try EtcdCluster()
        defer { cluster.stop() }
        let etcd = EtcdClient(endpoints: cluster.endpoints, httpClient: .shared)
        let first = try await etcd.put(key: Array("/t/a".utf8), value: Array("1".utf8))
        let second = try await etcd.put(key: Array("/t/b".utf8), value: [0, 255, 10])
        #expect(second > first)
        let (values, revision) = try await etcd.range(prefix: Array("/t/".utf8))
        #expect(values.map(\.key) == [Array("/t/a".utf8), Array("/t/b".utf8)])
        #expect(values[1].value == [0, 255, 10], "binary values survive the JSON gateway")
        #expect(revision == second)
        let swapped = try await etcd.transaction(compare: [.value(of: Array("/t/a".utf8), equals: Array("1".utf8))],
                                                 success: [(Array("/t/a".utf8), Array("2".utf8))])
        #expect(swapped.succeeded)
        let stale = try await etcd.transaction(compare: [.value(of: Array("/t/a".utf8), equals: Array("1".utf8))],
                                               success: [(Array("/t/a".utf8), Array("3".utf8))])
        #expect(!stale.succeeded)
        #expect(try await etcd.range(key: Array("/t/a".utf8)).values.first?.value == Array("2".utf8))
        #expect(try await etcd.delete(key: Array("/t/".utf8), rangeEnd: Array("/t0".utf8)) == 2)
        #expect(try await etcd.range(prefix: Array("/t/".utf8)).values.isEmpty)
    }

    @Test("three appenders racing through different members get a dense sequence 0…89, each entry exactly once, read back in order")
    func concurrentAppendsAreDense() async throws {
        let cluster = try EtcdCluster()
        defer { cluster.stop() }
        let sequences = try await withThrowingTaskGroup(of: [(UInt64, String)].self) { group in
            for appender in 0..<3 {
                // Each appender talks to another member first, as three nodes would.
                let endpoints = Array(cluster.endpoints[appender...] + cluster.endpoints[..<appender])
                let log = OrderingLog(etcd: EtcdClient(endpoints: endpoints, httpClient: .shared), chainId: "race")
                group.addTask {
                    var mine: [(UInt64, String)] = []
                    for index in 0..<30 {
                        let entry = "node\(appender)-\(index)"
                        mine.append((try await log.append(Array(entry.utf8)), entry))
                    }
                    return mine
                }
            }
            var all: [(UInt64, String)] = []
            for try await part in group { all += part }
            return all
        }
        #expect(sequences.map(\.0).sorted() == Array(0..<90))
        let log = OrderingLog(etcd: EtcdClient(endpoints: cluster.endpoints, httpClient: .shared), chainId: "race")
        let read = try await log.entries(from: 0)
        #expect(read.map(\.sequence) == Array(0..<90))
        let written = Dictionary(uniqueKeysWithValues: sequences.map { ($0.0, $0.1) })
        #expect(read.allSatisfy { written[$0.sequence] == String(decoding: $0.entry, as: UTF8.self) })
        #expect(try await log.entries(from: 85).map(\.sequence) == Array(85..<90))
        #expect(try await OrderingLog(etcd: log.etcd, chainId: "other").entries(from: 0).isEmpty, "chains keep separate logs")
    }

    @Test("with one of three members killed the log still takes appends; with two killed an append fails as unavailable instead of hanging")
    func survivesAMinorityNotAMajority() async throws {
        let cluster = try EtcdCluster()
        defer { cluster.stop() }
        let log = OrderingLog(etcd: EtcdClient(endpoints: cluster.endpoints, httpClient: .shared, timeout: .seconds(3)), chainId: "faults")
        #expect(try await log.append(Array("before".utf8)) == 0)
        cluster.kill(0)
        // The client skips the dead member; a new leader may take an election to appear.
        var afterOne: UInt64?
        for _ in 0..<50 where afterOne == nil {
            afterOne = try? await log.append(Array("after-one".utf8))
            if afterOne == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(afterOne == 1)
        cluster.kill(1)
        let error = await #expect(throws: EtcdError.self) { try await log.append(Array("after-two".utf8)) }
        #expect(error?.code == .unavailable, "\(String(describing: error))")
    }
}
