import Credentials
import DID
import Primitives
import Testing

@Suite("Malformed credentials")
struct MalformedCredentialTests {
    let fixture: VerifierFixture
    init() throws { fixture = try VerifierFixture() }

    /// A signed credential with one member changed (the format check runs before the proof).
    private func mutated(_ change: (inout JSONObject) -> Void) throws -> JSONValue {
        guard case .object(var object) = try fixture.sign(try fixture.draft()) else { throw CredentialsError.invalidCredential("fixture") }
        change(&object)
        return .object(object)
    }

    static let cases: [(String, String, @Sendable (inout JSONObject) -> Void)] = [
        ("no @context", "has no '@context'", { $0.removeValue(forKey: "@context") }),
        ("@context a number", "'@context' must be an array", { $0["@context"] = 3 }),
        ("wrong first @context", "first '@context' entry must be", { $0["@context"] = ["https://example.org/ctx"] }),
        ("no type", "has no 'type'", { $0.removeValue(forKey: "type") }),
        ("type without VerifiableCredential", "must include VerifiableCredential", { $0["type"] = ["DiplomaCredential"] }),
        ("type an object", "'type' must be a string or a non-empty array", { $0["type"] = ["a": 1] }),
        ("no issuer", "has no 'issuer'", { $0.removeValue(forKey: "issuer") }),
        ("issuer a number", "'issuer' must be a URL", { $0["issuer"] = 5 }),
        ("issuer object without id", "needs a string 'id'", { $0["issuer"] = ["name": "x"] }),
        ("no credentialSubject", "has no 'credentialSubject'", { $0.removeValue(forKey: "credentialSubject") }),
        ("credentialSubject a string", "'credentialSubject' must be an object", { $0["credentialSubject"] = "me" }),
        ("validFrom not a date", "'validFrom' must be a date-time", { $0["validFrom"] = "yesterday" }),
        ("no proof", "has no 'proof'", { $0.removeValue(forKey: "proof") }),
        ("proof a string", "'proof' must be one proof object", { $0["proof"] = "x" }),
    ]

    @Test("each malformed member fails the format check with a reason naming it", arguments: 0..<cases.count)
    func malformed(index: Int) async throws {
        let (name, reason, change) = Self.cases[index]
        let result = await fixture.verifier().verify(try mutated(change), now: VerifierFixture.now)
        #expect(result.isMalformed, "\(name)")
        #expect(result.checks.count == 1)
        #expect(result.checks[0].reason.contains(reason), "\(name): \(result.checks[0].reason)")
    }

    @Test("each missing or wrong-typed proof field is named", arguments: ["type", "cryptosuite", "verificationMethod", "proofPurpose", "proofValue"])
    func proofFields(field: String) async throws {
        let removed = await fixture.verifier().verify(try mutated { object in
            guard case .object(var proof)? = object["proof"] else { return }
            proof.removeValue(forKey: field)
            object["proof"] = .object(proof)
        }, now: VerifierFixture.now)
        #expect(removed.isMalformed)
        #expect(removed.checks[0].reason.contains(field), "\(removed.checks[0].reason)")
        let wrongType = await fixture.verifier().verify(try mutated { object in
            guard case .object(var proof)? = object["proof"] else { return }
            proof[field] = 42
            object["proof"] = .object(proof)
        }, now: VerifierFixture.now)
        #expect(wrongType.isMalformed)
    }

    @Test("inputs that are not credentials at all are malformed, never a crash")
    func notCredentials() async throws {
        for input: JSONValue in [.null, 1, [], "not-a-jwt", "a.b", ["@context": []]] {
            let result = await fixture.verifier().verify(input, now: VerifierFixture.now)
            #expect(result.isMalformed && !result.verified, "\(input)")
        }
    }
}
