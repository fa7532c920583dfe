import Benchmarks
import AsyncHTTPClient
import Chain
import Foundation
import GRDB
import Primitives
import Testing

/// Failures of a running consortium (`specs/consortium.md`): an etcd member lost under load, a
/// node killed and restarted, a node with a hand-edited ledger. Real processes, each stopped by
/// its own pid.
@Suite(.serialized)
struct ConsortiumFailureTests {
    typealias Nodes = ConsortiumNodesTests

    /// A running, admitted three-node consortium and `count` anchors to submit.
    static func running(anchors count: Int) async throws -> (Nodes.Consortium, [Transaction]) {
        let consortium = try Nodes.Consortium()
        do {
            try consortium.initialise(count: 3)
            let transactions = try await Nodes.anchors(count, directory: consortium.directories[0])
            for index in 0..<3 { try consortium.start(index) }
            try consortium.admit(1)
            try consortium.admit(2)
            return (consortium, transactions)
        } catch {
            consortium.stop()
            throw error
        }
    }

    /// Submits each transaction through node `i % 3`, `spread` at a time in flight.
    static func submitAll(_ transactions: [Transaction], to consortium: Nodes.Consortium, during: (@Sendable () async -> Void)? = nil)
        async throws -> [(Transaction, UInt, JSONValue)]
    {
        try await withThrowingTaskGroup(of: (Transaction, UInt, JSONValue)?.self) { group in
            if let during { group.addTask { await during(); return nil } }
            for (index, transaction) in transactions.enumerated() {
                let node = consortium.nodes[index % 3]
                group.addTask {
                    let (status, body) = try await Nodes.submit(transaction, to: node)
                    return (transaction, status, body)
                }
            }
            return try await group.reduce(into: []) { if let answer = $1 { $0.append(answer) } }
        }
    }

    /// Waits until every node has applied and finalised the same head; returns its height.
    static func agreedHeight(_ consortium: Nodes.Consortium) async throws -> Int? {
        var agreed: Int?
        let settled = try await Nodes.eventually { () async throws -> Bool in
            // A probe that fails (a node busy catching up on a loaded machine reset one in CI)
            // is a poll that has not settled yet, not a failed test.
            guard let healths = try? await consortium.nodes.asyncMap({ try await Nodes.health(of: $0) }) else { return false }
            let heights = Set(healths.compactMap { $0["height"]?.doubleValue.map(Int.init) })
            let finals = Set(healths.compactMap { $0["finalHeight"]?.doubleValue.map(Int.init) })
            let heads = Set(healths.compactMap { $0["headHash"]?.stringValue })
            guard heights.count == 1, heights == finals, heads.count == 1 else { return false }
            agreed = heights.first
            return true
        }
        return settled ? agreed : nil
    }

    static func readOnlyStore(_ directory: URL) throws -> SQLiteBlockStore {
        var options = SQLiteBlockStore.Options()
        options.readOnly = true
        return try SQLiteBlockStore(path: directory.appendingPathComponent("ledger.sqlite").path, options: options)
    }

    @Test("with one etcd member killed during load, writes continue and every acknowledged transaction is in all three ledgers")
    func etcdMemberLostUnderLoad() async throws {
        let (consortium, transactions) = try await Self.running(anchors: 60)
        defer { consortium.stop() }
        let cluster = consortium.cluster
        let answers = try await Self.submitAll(transactions, to: consortium) {
            try? await Task.sleep(for: .milliseconds(300))
            // The first endpoint every node tries: the nodes must move to the others.
            cluster.kill(0)
        }
        let acknowledged = answers.filter { $0.1 == 200 }.map(\.0)
        #expect(acknowledged.count == transactions.count, "\(answers.filter { $0.1 != 200 }.prefix(3).map { ($0.1, $0.2) })")
        let height = try #require(try await Self.agreedHeight(consortium))
        for node in consortium.nodes { node.stop() }
        for directory in consortium.directories {
            let store = try Self.readOnlyStore(directory)
            #expect(try store.head()?.header.height == UInt64(height))
            for transaction in acknowledged { #expect(try store.location(of: transaction.id) != nil, "acknowledged and lost") }
        }
    }

    @Test("a node SIGKILLed under load and restarted catches up from the log to the same final head")
    func killedNodeCatchesUp() async throws {
        let (consortium, transactions) = try await Self.running(anchors: 60)
        defer { consortium.stop() }
        let first = try await Self.submitAll(Array(transactions.prefix(30)), to: consortium)
        #expect(first.allSatisfy { $0.1 == 200 })
        consortium.nodes[2].crash()
        // Submitted through the two live nodes while the third is down: nothing is final
        // without it (three nodes need all three), so these wait for its return.
        let waiting = Task {
            try await withThrowingTaskGroup(of: UInt.self) { group in
                for (index, transaction) in transactions.suffix(30).enumerated() {
                    let node = consortium.nodes[index % 2]
                    group.addTask { try await Nodes.submit(transaction, to: node).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        try await Task.sleep(for: .seconds(1))
        try consortium.start(2)
        let statuses = try await waiting.value
        #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses)")
        let height = try #require(try await Self.agreedHeight(consortium))
        for node in consortium.nodes { node.stop() }
        let heads = try consortium.directories.map { try #require(try Self.readOnlyStore($0).head()) }
        #expect(Set(heads.map(\.hash)).count == 1 && heads[0].header.height == UInt64(height))
        for directory in consortium.directories {
            let verified = try DidctlExecutable.run(["chain", "verify", "--json", "--data-dir", directory.path])
            #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        }
    }

    @Test("a node started with a hand-edited ledger computes another block, is named by the others, raises its alert and stops signing")
    func handEditedLedgerIsFlagged() async throws {
        let (consortium, transactions) = try await Self.running(anchors: 2)
        defer { consortium.stop() }
        consortium.nodes[2].stop()
        // The edit: node 2's state claims the first anchor's digest is taken already, so node 2
        // refuses that anchor where the others accept it.
        let digest = Array(transactions[0].body.prefix(32))
        let queue = try DatabaseQueue(path: consortium.directories[2].appendingPathComponent("ledger.sqlite").path)
        try await queue.write { db in
            // State rows name their namespace by its code (`specs/chain.md` §6.3).
            try db.execute(sql: "INSERT OR IGNORE INTO namespaces(name) VALUES (?)", arguments: [AnchorHandler.namespace])
            try db.execute(sql: "INSERT INTO state(namespace, key, value) VALUES ((SELECT code FROM namespaces WHERE name = ?), ?, ?)",
                           arguments: [AnchorHandler.namespace, Data(digest), Data([0, 0, 0, 0, 0, 0, 0, 1])])
        }
        try queue.close()
        try consortium.start(2)
        let odd = consortium.nodeIds[2]
        // Never final (node 2 will not sign, and three nodes need all three): not awaited.
        _ = Task {
            _ = try await Nodes.submit(transactions[0], to: consortium.nodes[0])
        }
        _ = Task {
            try await Task.sleep(for: .milliseconds(500))
            _ = try await Nodes.submit(transactions[1], to: consortium.nodes[1])
        }
        var alert: JSONValue?
        #expect(try await Nodes.eventually {
            alert = try await Nodes.health(of: consortium.nodes[2])["divergence"]
            return alert?["stoppedSigning"]?.boolValue == true
        }, "node 2 flags itself")
        #expect(alert?["node"]?.stringValue == odd)
        #expect(Set((alert?["disagreeing"]?.arrayValue ?? []).compactMap { $0["node"]?.stringValue }) == Set(consortium.nodeIds[0..<2]))
        var majority: JSONValue?
        #expect(try await Nodes.eventually {
            majority = try await Nodes.health(of: consortium.nodes[0])["divergence"]
            return majority != nil
        })
        #expect(majority?["disagreeing"]?.arrayValue?.compactMap { $0["node"]?.stringValue } == [odd], "the others name it")
        #expect(majority?["stoppedSigning"]?.boolValue == false)
        consortium.nodes[2].stop()
        let info = try DidctlExecutable.run(["chain", "info", "--json", "--data-dir", consortium.directories[2].path])
        let object = try JSONValue(parsing: info.stdout)
        #expect(object["divergence"]?["node"]?.stringValue == odd, "chain info shows the alert: \(info.stdout)")
    }
}
