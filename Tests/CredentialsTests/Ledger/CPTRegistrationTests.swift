import Chain
import ChainTestSupport
import Credentials
import Primitives
import Testing

/// `cpt.register` on a real chain: numbering, versions and authorship.
struct CPTRegistrationTests {
    @Test("new schemas take numbers from 1000 up, readable with their author and registration time", arguments: [false, true])
    func numbering(sqlite: Bool) async throws {
        let chain = try CredentialChain(sqlite: sqlite)
        let university = try await chain.create("university")
        let first = try await chain.register(CredentialChain.diploma, as: university)
        let second = try await chain.register(["type": "object"], as: university)
        #expect(first == CPTIdentifier(number: 1000, version: 1))
        #expect(second == CPTIdentifier(number: 1001, version: 1))
        let stored = try #require(try chain.ledger.schema(first))
        #expect(stored.author == university.did)
        #expect(stored.registered == chain.now)
        #expect(stored.schema.title == "Diploma")
        #expect(stored.schema.accepts(["degree": "BSc"]))
        #expect(!stored.schema.accepts(["grade": 1]))
        #expect(try chain.ledger.schema(CPTIdentifier(number: 1002, version: 1)) == nil)
    }

    @Test("only the author adds a version; the latest version is the newest")
    func versions() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let rival = try await chain.create("rival")
        let id = try await chain.register(CredentialChain.diploma, as: university)
        await #expect(throws: ChainError(.unauthorized, "")) {
            _ = try await chain.register(["type": "string"], as: rival, number: id.number)
        }
        let second = try await chain.register(["type": "string"], as: university, number: id.number)
        #expect(second == CPTIdentifier(number: id.number, version: 2))
        #expect(try chain.ledger.latestSchema(number: id.number)?.id == second)
        #expect(try chain.ledger.schema(id)?.schema.title == "Diploma")
        await #expect(throws: ChainError(.notFound, "")) {
            _ = try await chain.register(["type": "string"], as: university, number: 4242)
        }
    }

    @Test("a schema using an unsupported keyword is refused with the schema parser's reason")
    func invalidSchema() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let error = await #expect(throws: ChainError(.invalidBody, "")) {
            _ = try await chain.register(["type": "object", "oneOf": [["type": "string"]]], as: university)
        }
        #expect(error?.reason.contains("oneOf") == true, "\(String(describing: error))")
        #expect(try chain.ledger.latestSchema(number: 1000) == nil)
    }
}
