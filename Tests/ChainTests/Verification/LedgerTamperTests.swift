import Chain
import ChainTestSupport
import Foundation
import Primitives
import Testing

/// Hand edits of a closed SQLite ledger, one per case on a fresh ledger: `chain verify` must
/// name the damaged block, report the damaged state, or fail to read the store as corruptLedger.
struct LedgerTamperTests {
    /// What verification must say about an edit.
    enum Finding: Equatable {
        case badBlock(UInt64)
        case badState
        case unreadable
    }

    /// What the edits need to know about the ledger: blocks 1-3 each hold one `test.put`.
    struct Ledger {
        let target: Transaction
        let header: SignedBlockHeader
        let firstMember: [UInt8]
    }

    enum Tamper: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case transactionByte, transactionDeleted
        case headerByte, headerAndHash, blockHash, blockSignature, blockTransactionCount, blockDeleted, headBlockHash
        case stateValue, extraStateRow, deletedStateRow, deletedSpentKey
        case genesisDocument, genesisGarbage

        var testDescription: String { rawValue }

        var finding: Finding {
            switch self {
            case .stateValue, .extraStateRow, .deletedStateRow, .deletedSpentKey: .badState
            case .genesisDocument: .badBlock(0)
            case .headBlockHash, .genesisGarbage: .unreadable
            default: .badBlock(2)
            }
        }

        /// The SQL edit, followed by the number of rows it changed.
        func sql(_ ledger: Ledger) -> String {
            func x(_ bytes: some Sequence<UInt8>) -> String { "X'\(Hex.encode(bytes))'" }
            var stored = Self.storedForm(of: ledger.target)
            stored[3] ^= 0x20  // the first body byte (specs/chain.md §6.3 offsets for this fixture)
            func named(_ namespace: String) -> String { "(SELECT code FROM namespaces WHERE name = '\(namespace)')" }
            var header = ledger.header.header.encoded
            // The last byte of the time field, before the proposer (32 or 33 bytes) and the count.
            header[header.count - 5 - ledger.header.header.proposer.count] ^= 0x01
            var signatures = ByteWriter()
            signatures.varint(1)
            signatures.raw(ledger.header.signatures[0].nodeKey)
            signatures.raw(ledger.header.signatures[0].signature.dropLast() + [ledger.header.signatures[0].signature.last! ^ 1])
            let edit = switch self {
            // Blocks 1-3 hold one transaction each, so the target (block 2's) is stored as seq 2.
            case .transactionByte: "UPDATE transactions SET bytes = \(x(stored)) WHERE seq = 2"
            case .transactionDeleted: "DELETE FROM transactions WHERE seq = 2"
            case .headerByte: "UPDATE blocks SET header = \(x(header)) WHERE height = 2"
            case .headerAndHash:
                "UPDATE blocks SET header = \(x(header)), hash = \(x(try! BlockHeader(decoding: header).hash)) WHERE height = 2"
            case .blockHash: "UPDATE blocks SET hash = zeroblob(32) WHERE height = 2"
            case .blockSignature: "UPDATE blocks SET signatures = \(x(signatures.bytes)) WHERE height = 2"
            case .blockTransactionCount: "UPDATE blocks SET txCount = 0 WHERE height = 2"
            case .blockDeleted: "DELETE FROM blocks WHERE height = 2"
            case .headBlockHash: "UPDATE blocks SET hash = zeroblob(32) WHERE height = 3"
            case .stateValue:
                "UPDATE state SET value = X'54' WHERE namespace = \(named("test")) AND key = \(x(Hash.sha256(ledger.target.body)))"
            case .extraStateRow: "INSERT INTO state(namespace, key, value) VALUES (\(named("node")), zeroblob(32), X'01')"
            case .deletedStateRow: "DELETE FROM state WHERE namespace = \(named("member")) AND key = \(x(ledger.firstMember))"
            // A spent key is the lookup entry pointing at the transaction that spent it; a ledger
            // this small holds it in the recent tier (specs/chain.md §6.4).
            case .deletedSpentKey: "DELETE FROM pending WHERE prefix >> 30 = 1 AND slot >> 2 = 2"
            case .genesisDocument:
                #"UPDATE meta SET value = CAST(replace(CAST(value AS TEXT), '"epochSeconds":86400', '"epochSeconds":86401') AS BLOB) "#
                    + "WHERE key = 'genesis'"
            case .genesisGarbage: "UPDATE meta SET value = X'00' WHERE key = 'genesis'"
            }
            return edit + "; SELECT changes();"
        }

        /// A `test.put` of this fixture as `specs/chain.md` §6.3 stores it: the format byte, type
        /// code 1 (the first type the ledger met) shifted left by the packed bit (0: the body is
        /// not JSON), the body, the epoch as a varint, then the wire's fields after the epoch.
        static func storedForm(of transaction: Transaction) -> [UInt8] {
            var writer = ByteWriter()
            writer.u8(transaction.encoded[0])
            writer.varint(1 << 1)
            writer.bytes(transaction.body)
            writer.varint(transaction.epoch)
            return writer.bytes + transaction.encoded.suffix(transaction.oneTimeKey.count + 64 + transaction.envelope.count + 64)
        }
    }

    @Test("a hand edit of the closed ledger is found by chain verify", arguments: Tamper.allCases, ChainCryptoSuite.all)
    func tamperIsFound(tamper: Tamper, suite: ChainCryptoSuite) async throws {
        let (path, fixture) = try await Self.tamperedLedger(tamper, suite: suite)
        defer { withExtendedLifetime(fixture) {} }

        let store = try SQLiteBlockStore(path: path)
        let verifier = ChainVerifier(store: store, handlers: ChainFixture.handlers())
        switch tamper.finding {
        case .unreadable:
            // The store itself refuses the damaged row; the verifier reports it as a verdict.
            #expect(throws: ChainError(.corruptLedger, "")) { _ = try store.head(); _ = try store.genesis() }
            let report = try verifier.verify()
            #expect(!report.isValid)
            #expect(report.problem?.hasPrefix("The ledger's genesis or head block cannot be read") == true, "\(report)")
        case .badBlock(let height):
            let report = try verifier.verify()
            #expect(!report.isValid)
            #expect(report.firstBadBlock == height, "\(report)")
            #expect(report.verifiedBlocks == height)
        case .badState:
            let report = try verifier.verify()
            #expect(!report.isValid)
            #expect(report.firstBadBlock == nil, "\(report)")
            #expect(report.verifiedBlocks == 4)
            #expect(report.problem?.hasPrefix("World state does not match the ledger") == true, "\(report)")
        }
        if tamper == .genesisDocument { #expect(try store.genesis()?.epochSeconds == 86_401) }
    }

    @Test("the check a node makes at start, read-only over the newest blocks, names the same block for every block edit; state edits are left to chain verify",
          arguments: Tamper.allCases)
    func recentCheckFindsBlockEdits(tamper: Tamper) async throws {
        let (path, fixture) = try await Self.tamperedLedger(tamper)
        defer { withExtendedLifetime(fixture) {} }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        var options = SQLiteBlockStore.Options()
        options.readOnly = true
        let report = try ChainVerifier(store: try SQLiteBlockStore(path: path, options: options), handlers: ChainFixture.handlers())
            .verifyRecent(64)
        switch tamper.finding {
        case .unreadable: #expect(report.problem?.hasPrefix("The ledger's genesis or head block cannot be read") == true, "\(report)")
        case .badBlock(let height): #expect(report.firstBadBlock == height, "\(report)")
        case .badState: #expect(report.isValid, "\(report)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "a read-only examination changed the file")
    }

    @Test("the untouched ledger verifies after the same close and reopen", arguments: ChainCryptoSuite.all)
    func untouchedLedgerVerifies(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(sqlite: true, suite: suite)
        for text in ["one", "two", "three"] { _ = try await chain.node.submit(try await chain.put(text)) }
        let path = try #require(chain.ledgerPath)
        let second = try #require(try chain.store.transactions(at: 2).first)
        chain.close()
        #expect(try Self.sqlite(path, "SELECT count(*) FROM blocks;") == "4")
        // Stored without the chain id and with the type as a code; the id is not stored.
        #expect(try Self.sqlite(path, "SELECT hex(bytes) FROM transactions WHERE seq = 2;")
                == Hex.encode(Tamper.storedForm(of: second)).uppercased())
        #expect(try Self.sqlite(path, "SELECT name FROM types WHERE code = 1;") == "test.put")
        let report = try ChainVerifier(store: try SQLiteBlockStore(path: path), handlers: ChainFixture.handlers()).verify()
        #expect(report.isValid, "\(report)")
        #expect(report.verifiedBlocks == 4)
        #expect(report.verifiedTransactions == 3)
    }

    /// Runs SQL with the `sqlite3` command-line shell and returns its trimmed output.
    /// A closed SQLite ledger whose blocks 1-3 each hold one `test.put`, with `tamper`'s edit made.
    /// - Returns: the database file's path, and the fixture that removes it when released.
    static func tamperedLedger(_ tamper: Tamper, suite: ChainCryptoSuite = .standard) async throws -> (path: String, fixture: ChainFixture) {
        let chain = try ChainFixture(sqlite: true, suite: suite)
        var transactions: [Transaction] = []
        for text in ["one", "two", "three"] {
            transactions.append(try await chain.put(text))
            _ = try await chain.node.submit(transactions.last!)
        }
        let firstMember = try #require(try chain.store.entries(namespace: ChainNamespace.member, prefix: []).first).key
        let ledger = Ledger(target: transactions[1], header: try #require(try chain.store.signedHeader(at: 2)),
                            firstMember: firstMember)
        #expect(ledger.target.body == Array("two".utf8))
        let path = try #require(chain.ledgerPath)
        chain.close()
        #expect(try sqlite(path, tamper.sql(ledger)) == "1")
        return (path, chain)
    }

    static func sqlite(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        // The closed store's connections may still be finishing; wait for their locks.
        process.arguments = ["-cmd", ".timeout 5000", path, sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
