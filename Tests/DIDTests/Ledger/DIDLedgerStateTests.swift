import Chain
import ChainTestSupport
import DID
import Primitives
import Testing

/// `specs/did-method.md` §4: where a DID's records are kept under each genesis state version, and
/// that history resolves the same from either (on SQLite ledgers, which `chain verify` replays).
struct DIDLedgerStateTests {
    /// What a resolution answered, in the terms both state versions must agree on.
    private struct Answer: Equatable, CustomStringConvertible {
        var error: DIDError.Code?
        var versionId: String?
        var updated: DIDDateTime?
        var nextVersionId: String?
        var nextUpdate: DIDDateTime?
        var deactivated: Bool?
        var alsoKnownAs: [String]?

        init(_ result: DIDResolutionResult) {
            error = result.error?.code
            versionId = result.didDocumentMetadata.versionId
            updated = result.didDocumentMetadata.updated
            nextVersionId = result.didDocumentMetadata.nextVersionId
            nextUpdate = result.didDocumentMetadata.nextUpdate
            deactivated = result.didDocumentMetadata.deactivated
            alsoKnownAs = result.didDocument?.alsoKnownAs
        }

        var description: String { error.map { "error \($0)" } ?? "v\(versionId ?? "-") next \(nextVersionId ?? "-") \(alsoKnownAs ?? [])" }
    }

    /// A DID created at genesis time, updated twice and deactivated 5 seconds apart, then resolved
    /// by every version id and by times before, at and between its versions.
    private static func history(stateVersion: Int) async throws -> (chain: DIDChain, did: DID, answers: [Answer]) {
        let chain = try DIDChain(sqliteWith: [], stateVersion: stateVersion)
        #expect(chain.chain.genesis.stateRules == stateVersion)
        let alice = try await chain.create("alice")
        var document = try #require(await chain.resolver.resolve(alice.did).didDocument)
        for (version, name) in [(1, "second"), (2, "third")] {
            chain.chain.clock.advance(milliseconds: 5_000)
            document.alsoKnownAs = ["https://example.edu/alice/\(name)"]
            try await chain.submit(.update, did: alice.did, document: document, previousVersionId: UInt64(version), signer: alice.key)
        }
        chain.chain.clock.advance(milliseconds: 5_000)
        try await chain.submit(.deactivate, did: alice.did, document: nil, previousVersionId: 3, signer: alice.key)

        var answers: [Answer] = []
        for versionId in ["0", "1", "2", "3", "4", "5"] {
            answers.append(Answer(await chain.resolver.resolve(alice.did, options: DIDResolutionOptions(versionId: versionId))))
        }
        let created = Int64(ChainFixture.genesisTime / 1000)
        for offset: Int64 in [-1, 0, 2, 5, 7, 10, 12, 15, 100] {
            let time = DIDDateTime(secondsSince1970: created + offset)
            answers.append(Answer(await chain.resolver.resolve(alice.did, options: DIDResolutionOptions(versionTime: time))))
        }
        return (chain, alice.did, answers)
    }

    @Test("history of a created, twice updated and deactivated DID resolves the same by versionId and versionTime under state versions 1 and 2, and each ledger verifies")
    func historyUnderBothVersions() async throws {
        let one = try await Self.history(stateVersion: 1)
        let two = try await Self.history(stateVersion: 2)
        #expect(one.answers == two.answers)
        // chain verify replays each ledger under its own genesis's rules and finds its stored state.
        for chain in [one.chain, two.chain] {
            let report = try ChainVerifier(store: chain.chain.store, handlers: chain.chain.handlers).verify()
            #expect(report.isValid && report.verifiedTransactions == 4, "\(report)")
        }

        let byId = two.answers.prefix(6).map { $0.error == nil ? $0.versionId : nil }
        #expect(byId == [nil, "1", "2", "3", "4", nil], "\(two.answers)")
        let byTime = two.answers.suffix(9).map { $0.error == nil ? $0.versionId : nil }
        #expect(byTime == [nil, "1", "1", "2", "2", "3", "3", "4", "4"], "\(two.answers)")
        #expect(two.answers[0].error == .notFound && two.answers[5].error == .notFound && two.answers[6].error == .notFound)

        let first = two.answers[1], second = two.answers[2], third = two.answers[3], last = two.answers[4]
        let created = Int64(ChainFixture.genesisTime / 1000)
        #expect(first.updated == nil && first.nextVersionId == "2" && first.nextUpdate == DIDDateTime(secondsSince1970: created + 5))
        #expect(first.alsoKnownAs == [] && first.deactivated == nil)
        #expect(second.alsoKnownAs == ["https://example.edu/alice/second"] && second.nextVersionId == "3")
        #expect(second.updated == DIDDateTime(secondsSince1970: created + 5) && second.nextUpdate == DIDDateTime(secondsSince1970: created + 10))
        // The version just before the current one takes its successor from the current record.
        #expect(third.alsoKnownAs == ["https://example.edu/alice/third"] && third.nextVersionId == "4")
        #expect(third.nextUpdate == DIDDateTime(secondsSince1970: created + 15) && third.deactivated == nil)
        #expect(last.deactivated == true && last.nextVersionId == nil && last.alsoKnownAs == ["https://example.edu/alice/third"])
    }

    @Test("under state version 2 a record is stored once: creation writes the current record only, each change moves the superseded one to the history")
    func recordsStoredOnce() async throws {
        let two = try DIDChain(stateVersion: 2)
        let one = try DIDChain(stateVersion: 1)
        for (chain, extra) in [(two, 0), (one, 1)] {
            let alice = try await chain.create("alice")
            let key = Array(alice.did.description.utf8)
            #expect(try chain.chain.store.value(namespace: "did", key: key) != nil)
            // State version 1 also writes the current record to the history as it is written.
            #expect(try chain.chain.store.entries(namespace: "did.version", prefix: key).count == extra)
            #expect(try chain.chain.store.entries(namespace: "did.time", prefix: key).count == extra)
            var document = try #require(await chain.resolver.resolve(alice.did).didDocument)
            document.alsoKnownAs = ["https://example.edu/alice"]
            try await chain.submit(.update, did: alice.did, document: document, previousVersionId: 1, signer: alice.key)
            let versions = try chain.chain.store.entries(namespace: "did.version", prefix: key)
            #expect(versions.count == 1 + extra)
            #expect(try chain.chain.store.entries(namespace: "did.time", prefix: key).count == 1 + extra)
            // Version 1's record is the history's first entry under both versions.
            let stored = try #require(versions.first)
            #expect(stored.key.suffix(8) == [0, 0, 0, 0, 0, 0, 0, 1])
        }
    }
}
