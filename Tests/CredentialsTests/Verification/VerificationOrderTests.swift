import Credentials
import DID
import Primitives
import Testing

/// The costly checks run only for credentials whose proof holds, and all pattern matching of
/// one verification shares one budget: forged credentials citing a backtracking schema held
/// an event loop for seconds (1,000 strings, 6.7 s) before.
struct VerificationOrderTests {
    static let cpt = "urn:chancery:cpt:1001:1"
    let fixture: VerifierFixture

    init() throws {
        fixture = try VerifierFixture()
        // Registered before registration refused such patterns: the budget must still hold.
        let schema: JSONValue = ["type": "object", "properties": ["codes": ["type": "array", "items": ["type": "string", "pattern": "^(a+)+$"]]]]
        fixture.registry.register(schema: try CredentialSchema(schema), id: try CPTIdentifier(parsing: Self.cpt))
    }

    /// A credential citing the backtracking CPT with `count` strings that make it backtrack.
    func hostile(_ count: Int) throws -> JSONObject {
        var draft = try fixture.draft(subject: ["id": "did:example:holder", "codes": .array(Array(repeating: .string(String(repeating: "a", count: 28) + "!"), count: count))])
        draft["credentialSchema"] = ["id": .string(Self.cpt), "type": "JsonSchema"]
        return draft
    }

    @Test("a forged credential citing a backtracking schema fails its proof; schema, accreditation, status, evidence are not run")
    func forgedIsNotSchemaChecked() async throws {
        var forged = try #require(try fixture.sign(try hostile(1_000)).objectValue)
        forged["validUntil"] = .string(DIDDateTime(secondsSince1970: VerifierFixture.now / 1000 + 1).description)
        let result = await fixture.verifier(.accredited).verify(.object(forged), now: VerifierFixture.now)
        #expect(result.checks.first { $0.name == .proof }?.code == "signatureMismatch")
        for name in [VerificationCheck.Name.schema, .accreditation, .status, .evidence, .holderBinding] {
            let check = result.checks.first { $0.name == name }
            #expect(check?.outcome == .notApplicable && check?.code == "notChecked", "\(name): \(String(describing: check))")
            #expect(check?.reason == "Not checked: the proof check failed.")
        }
        #expect(result.checks.map(\.name) == [.format, .issuer, .proof, .validity, .schema, .accreditation, .status, .evidence, .holderBinding])
        #expect(result.failures.map(\.name) == [.proof])
    }

    @Test("one budget pays for every pattern match of a verification: once spent, the remaining strings fail without running")
    func sharedBudget() async throws {
        let result = await fixture.verifier().verify(try fixture.sign(try hostile(1_000)), now: VerifierFixture.now)
        let schema = try #require(result.checks.first { $0.name == .schema })
        #expect(schema.code == "schemaViolation" && schema.reason.contains("more work than allowed") && schema.reason.contains("999 more"), "\(schema.reason)")
        var budget = PatternBudget()
        let violations = try CredentialSchema(["type": "array", "items": ["type": "string", "pattern": "^(a+)+$"]])
            .validate(.array(Array(repeating: .string(String(repeating: "a", count: 28) + "!"), count: 1_000)), budget: &budget)
        #expect(violations.count == 1_000 && budget.isExhausted)
        // A pattern that does not backtrack spends nothing measurable and keeps matching.
        var plenty = PatternBudget()
        #expect(try CredentialSchema(["type": "string", "pattern": "^a+!$"]).validate(.string(String(repeating: "a", count: 28) + "!"), budget: &plenty).isEmpty)
        #expect(plenty.remaining == PatternBudget.perVerification)
        var spent = PatternBudget(work: 0)
        #expect(try CredentialSchema(["type": "string", "pattern": "^a+!$"]).validate("aa!", budget: &spent).first?.keyword == "pattern")
    }

    @Test("a presentation's credentials share one pattern budget: after a costly one, a later credential's pattern is not run")
    func presentationSharesBudget() async throws {
        let holderKey = Ed25519PrivateKey()
        let holder = try DIDKey(publicKey: .ed25519(holderKey.publicKey)).did.description
        var costly = try hostile(1_000)
        costly["credentialSubject"] = ["id": .string(holder), "codes": costly["credentialSubject"]?["codes"] ?? []]
        var benign = try hostile(0)
        benign["credentialSubject"] = ["id": .string(holder), "codes": ["aaaa"]]
        let store = InMemoryChallengeStore()
        let challenge = try store.issue(now: VerifierFixture.now)
        let vp: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"], "holder": .string(holder),
                             "verifiableCredential": [try fixture.sign(costly), try fixture.sign(benign)]]
        let signed = try DataIntegrity.sign(document: vp, options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: holder + "#" + String(holder.dropFirst(8)),
                                                                         proofPurpose: "authentication", challenge: challenge), key: holderKey)
        let result = await PresentationVerifier(credentials: fixture.verifier(), challenges: store)
            .verify(signed, challenge: challenge, domain: nil, now: VerifierFixture.now)
        #expect(result.credentials.count == 2)
        let second = try #require(result.credentials.last?.checks.first { $0.name == .schema })
        #expect(second.code == "schemaViolation" && second.reason.contains("more work than allowed"), "\(second.reason)")
        // On its own, the same credential satisfies the schema.
        let alone = await fixture.verifier().verify(try fixture.sign(benign), now: VerifierFixture.now)
        #expect(alone.checks.first { $0.name == .schema }?.outcome == .passed, "\(alone.checks)")
    }
}
