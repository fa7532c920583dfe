import Chain
import Credentials
import Primitives
import Testing

/// Registration refuses patterns whose structure backtracks catastrophically: any member may
/// register a CPT, and anyone may then send credentials citing it.
struct BacktrackingPatternTests {
    static func schema(_ pattern: String) throws -> CredentialSchema {
        try CredentialSchema(["type": "object", "properties": ["code": ["type": "string", "pattern": .string(pattern)]]])
    }

    @Test("nested quantifiers and repeated alternations whose branches start alike are refused with a named reason", arguments: [
        "^(a+)+$", "(a*)*", "^(a|aa)+$", #"^(\w+\s?)*$"#, "((ab)*c)+", "(?:x+y?){2,}", "(a{1,3}){4}", "^(?<n>a+)+$", "^((a+))+$",
    ])
    func refused(pattern: String) throws {
        let schema = try Self.schema(pattern)   // still parses: schemas already on a chain must load
        #expect(throws: CredentialsError(.backtrackingPattern, "")) { try schema.checkRegistrable() }
        do { try schema.checkRegistrable() } catch let error as CredentialsError {
            #expect(error.reason.contains("/properties/code/pattern"), "\(error.reason)")
        }
    }

    @Test("ordinary patterns, quantifiers outside repeated groups and escaped or bracketed parentheses are accepted", arguments: [
        "^[a-z]+$", "^(Bachelor|Master|Doctor) of ", #"^(\d{3}-)?\d{4}$"#, "^(cat|dog)+$", "[(a+)+]", #"\(a+\)+"#, "(ab){3}",
        #"^[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{4})*$"#, #"^\p{Letter}+$"#,
    ])
    func accepted(pattern: String) throws {
        try Self.schema(pattern).checkRegistrable()
    }

    @Test("cpt.register on the chain refuses a schema with a backtracking pattern, nested anywhere")
    func registrationRefused() async throws {
        let chain = try CredentialChain()
        let member = try await chain.create("member")
        let schema: JSONValue = ["type": "object", "properties": ["list": ["type": "array", "items": ["type": "string", "pattern": "^(a+)+$"]]]]
        await #expect(throws: ChainError(.invalidBody, "")) { _ = try await chain.register(schema, as: member) }
        do { _ = try await chain.register(schema, as: member) } catch let error as ChainError {
            #expect(error.reason.contains("backtrack"), "\(error.reason)")
        }
        _ = try await chain.register(["type": "object", "properties": ["code": ["type": "string", "pattern": "^[a-z]+$"]]], as: member)
    }
}
