import Credentials
import DID
import Primitives
import Testing

/// Verification policies as lists of check values: an operator's own list runs and reports
/// only its checks, each required or not as it says.
struct VerificationPolicyTests {
    let fixture: VerifierFixture
    init() throws { fixture = try VerifierFixture() }

    @Test("an operator's policy of validity and a required status check reports just those after format, issuer and proof, and requires status")
    func operatorPolicy() async throws {
        let revocable = VerificationPolicy(name: "revocable", checks: [ValidityCheck(), StatusCheck(required: true)])
        #expect(revocable.required == [.format, .issuer, .proof, .validity, .status])
        let credential = try fixture.sign(try fixture.draft())
        let result = await fixture.verifier(revocable).verify(credential, now: VerifierFixture.now)
        #expect(result.verified, "\(result.failures)")
        #expect(result.checks.map(\.name) == [.format, .issuer, .proof, .validity, .status])

        var withoutStatus = try fixture.draft()
        withoutStatus.removeValue(forKey: "credentialStatus")
        let unlisted = await fixture.verifier(revocable).verify(try fixture.sign(withoutStatus), now: VerifierFixture.now)
        #expect(!unlisted.verified)
        #expect(unlisted.checks.first { $0.name == .status }?.code == "required")
        // The standard policy, whose status check is not required, accepts the same credential.
        #expect(await fixture.verifier().verify(try fixture.sign(withoutStatus), now: VerifierFixture.now).verified)
    }

    @Test("a revoked credential fails the status check of any policy that lists it; a policy without it does not look")
    func checksRunOnlyWhenListed() async throws {
        let revoked = try fixture.sign(try fixture.draft(statusIndex: 7))
        let withStatus = await fixture.verifier(VerificationPolicy(name: "s", checks: [StatusCheck()])).verify(revoked, now: VerifierFixture.now)
        #expect(!withStatus.verified && withStatus.checks.first { $0.name == .status }?.code == "revoked")
        let withoutStatus = await fixture.verifier(VerificationPolicy(name: "v", checks: [ValidityCheck()])).verify(revoked, now: VerifierFixture.now)
        #expect(withoutStatus.verified)
        #expect(!withoutStatus.checks.contains { $0.name == .status })
    }

    @Test("when the proof fails, only the checks that need no proven credential run: validity is reported, the registry checks are notChecked")
    func unprovenCredential() async throws {
        guard case .object(var forged) = try fixture.sign(try fixture.draft()) else { return }
        forged["credentialSubject"] = ["id": "did:example:holder", "name": "Eve", "year": 2024]
        let result = await fixture.verifier(.accredited).verify(.object(forged), now: VerifierFixture.now)
        #expect(result.checks.first { $0.name == .proof }?.outcome == .failed)
        #expect(result.checks.first { $0.name == .validity }?.outcome == .passed)
        for name in [VerificationCheck.Name.schema, .accreditation, .status, .evidence, .holderBinding] {
            #expect(result.checks.first { $0.name == name }?.code == "notChecked", "\(name)")
        }
    }

    @Test("a written-down policy lists its checks by name in the engine's order, with requirements, skew and holder binding")
    func definition() throws {
        let policy = try VerificationPolicy(definition: [
            "name": "revocable", "checks": ["status": "required", "validity": "optional", "schema": "optional"],
            "clockSkewSeconds": 60, "bindsHolder": true])
        #expect(policy.name == "revocable")
        #expect(policy.checks.map(\.name) == [.validity, .schema, .status])
        #expect(policy.required == [.format, .issuer, .proof, .status])
        #expect(policy.clockSkew == 60_000 && policy.bindsHolder)
    }

    @Test("a definition is refused naming what is wrong: an unknown check or requirement, a built-in name, a bad skew, an unknown member", arguments: [
        (#"{"name": "p", "checks": {"colour": "required"}}"#, "unknown check 'colour'"),
        (#"{"name": "p", "checks": {"status": "always"}}"#, "\"required\" or \"optional\""),
        (#"{"name": "accredited", "checks": {}}"#, "built-in"),
        (#"{"name": "p", "checks": {}, "clockSkewSeconds": -1}"#, "clockSkewSeconds"),
        (#"{"name": "p", "checks": {}, "extra": 1}"#, "no member 'extra'"),
        (#"{"checks": {}}"#, "needs a 'name'"),
    ])
    func badDefinitions(text: String, says: String) throws {
        let error = #expect(throws: CredentialsError.self) { try VerificationPolicy(definition: try JSONValue(parsing: Array(text.utf8))) }
        #expect(error?.code == .invalidPolicy)
        #expect(error?.reason.contains(says) == true, "\(error?.reason ?? "")")
    }
}
