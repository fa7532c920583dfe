import Credentials
import DID
import Primitives
import Testing

@Suite("The verification engine")
struct CredentialVerifierTests {
    let fixture: VerifierFixture
    init() throws { fixture = try VerifierFixture() }

    private func result(_ input: JSONValue, policy: VerificationPolicy = .standard, now: Int64 = VerifierFixture.now) async -> CredentialVerificationResult {
        await fixture.verifier(policy).verify(input, now: now)
    }

    private func outcome(_ result: CredentialVerificationResult, _ name: VerificationCheck.Name) -> VerificationCheck? {
        result.checks.first { $0.name == name }
    }

    @Test("an anchored, accredited, unrevoked credential passes every check under the accredited policy")
    func everyCheckPasses() async throws {
        let credential = try fixture.anchoredAndSigned([try fixture.draft()])[0]
        let result = await result(credential, policy: .accredited)
        #expect(result.verified, "\(result.failures)")
        #expect(result.checks.map(\.name) == VerificationCheck.Name.allCases.filter { $0 != .challenge })
        for name in [VerificationCheck.Name.format, .issuer, .proof, .validity, .schema, .accreditation, .status, .evidence] {
            #expect(outcome(result, name)?.outcome == .passed, "\(name)")
        }
        #expect(result.credential?.issuedAt == VerifierFixture.now - 500, "the anchor's block time is the issuance time")
        #expect(result.json["verified"] == .bool(true))
    }

    @Test("a credential without evidence verifies under the standard policy but not the accredited one")
    func policyDecidesWhatMustApply() async throws {
        let credential = try fixture.sign(try fixture.draft())
        #expect(await result(credential).verified)
        let strict = await result(credential, policy: .accredited)
        #expect(!strict.verified)
        #expect(outcome(strict, .evidence)?.code == "required")
    }

    @Test("each failure is reported by its check with a specific code", arguments: [
        (7, "status", "revoked"), (8, "status", "suspended"),
    ])
    func statusFailures(index: Int, check: String, code: String) async throws {
        let result = await result(try fixture.sign(try fixture.draft(statusIndex: index)))
        #expect(!result.verified)
        #expect(outcome(result, .status)?.code == code)
        #expect(result.failures.map(\.name.rawValue) == [check])
    }

    @Test("expired and not-yet-valid credentials fail the validity check")
    func validity() async throws {
        let expired = await result(try fixture.sign(try fixture.draft(validUntil: VerifierFixture.now - 1)))
        #expect(outcome(expired, .validity)?.code == "expired")
        let early = await result(try fixture.sign(try fixture.draft(validFrom: VerifierFixture.now + 60_000)))
        #expect(outcome(early, .validity)?.code == "notYetValid")
        #expect(!expired.verified && !early.verified)
    }

    @Test("a changed claim breaks the signature, and a subject the schema refuses fails the schema check")
    func tamperAndSchema() async throws {
        guard case .object(var signed) = try fixture.sign(try fixture.draft()) else { Issue.record("not an object"); return }
        signed["credentialSubject"] = ["id": "did:example:holder", "name": "Mallory", "year": 2024]
        #expect(outcome(await result(.object(signed)), .proof)?.code == "signatureMismatch")
        let bad = await result(try fixture.sign(try fixture.draft(subject: ["name": "Ada", "year": 1800])))
        #expect(outcome(bad, .schema)?.code == "schemaViolation")
        #expect(outcome(bad, .schema)?.reason.contains("/year") == true)
    }

    @Test("an issuer not accredited at issuance time fails accreditation, and an unregistered CPT fails the schema check")
    func accreditation() async throws {
        let other = try VerifierFixture()
        let unaccredited = InMemoryCredentialRegistry()
        unaccredited.register(schema: try CredentialSchema(VerifierFixture.schema), id: try CPTIdentifier(parsing: VerifierFixture.cpt))
        let verifier = CredentialVerifier(resolver: DIDKey.Resolver(), registry: unaccredited)
        let result = await verifier.verify(try other.sign(try other.draft()), now: VerifierFixture.now)
        #expect(outcome(result, .accreditation)?.code == "notAccredited")
        let empty = await CredentialVerifier(resolver: DIDKey.Resolver(), registry: InMemoryCredentialRegistry())
            .verify(try other.sign(try other.draft()), now: VerifierFixture.now)
        #expect(outcome(empty, .schema)?.code == "unknownSchema")
    }

    @Test("accreditation is judged at the anchor's time: revoked later still verifies, accredited later does not")
    func accreditationHistory() async throws {
        let registry = InMemoryCredentialRegistry()
        registry.register(schema: try CredentialSchema(VerifierFixture.schema), id: try CPTIdentifier(parsing: VerifierFixture.cpt))
        registry.accredit(issuer: try DID(parsing: fixture.issuer), schema: try CPTIdentifier(parsing: VerifierFixture.cpt), from: VerifierFixture.now - 10_000, until: VerifierFixture.now - 1_000)
        let verifier = CredentialVerifier(resolver: DIDKey.Resolver(), registry: registry)
        let batch = IssuanceBatch(drafts: [CredentialDraft(json: try fixture.draft())])
        registry.record(anchor: RegisteredAnchor(issuer: try DID(parsing: fixture.issuer), height: 3, time: VerifierFixture.now - 5_000), root: batch.root)
        let inTime = await verifier.verify(try fixture.sign(try batch.anchoredCredential(at: 0)), now: VerifierFixture.now)
        #expect(outcome(inTime, .accreditation)?.outcome == .passed)
        let late = IssuanceBatch(drafts: [CredentialDraft(json: try fixture.draft(statusIndex: 4))])
        registry.record(anchor: RegisteredAnchor(issuer: try DID(parsing: fixture.issuer), height: 4, time: VerifierFixture.now - 500), root: late.root)
        let after = await verifier.verify(try fixture.sign(try late.anchoredCredential(at: 0)), now: VerifierFixture.now)
        #expect(outcome(after, .accreditation)?.code == "notAccredited")
    }

    @Test("evidence fails when the root was never anchored, was anchored by someone else, or the credential changed")
    func evidence() async throws {
        let drafts = [try fixture.draft(statusIndex: 1), try fixture.draft(statusIndex: 2)]
        let batch = IssuanceBatch(drafts: drafts.map(CredentialDraft.init(json:)))
        let unanchored = await result(try fixture.sign(try batch.anchoredCredential(at: 0)))
        #expect(outcome(unanchored, .evidence)?.code == "anchorNotFound")
        fixture.registry.record(anchor: RegisteredAnchor(issuer: try DID(parsing: "did:example:other"), height: 1, time: 0), root: batch.root)
        #expect(outcome(await result(try fixture.sign(try batch.anchoredCredential(at: 1))), .evidence)?.code == "anchorNotIssuers")
        var moved = try batch.anchoredCredential(at: 0)
        moved["credentialSubject"] = ["id": "did:example:holder", "name": "Eve", "year": 2024]
        #expect(outcome(await result(try fixture.sign(moved)), .evidence)?.code == "inclusionProofMismatch")
    }

    @Test("a key that is not the issuer's, or not in its document, fails the issuer check")
    func keyAuthorization() async throws {
        let stranger = try VerifierFixture()
        let forged = try DataIntegrity.sign(document: .object(try fixture.draft()),
                                            options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: stranger.verificationMethod), key: stranger.key)
        #expect(outcome(await result(forged), .issuer)?.code == "keyNotIssuers")
        let unknown = try DataIntegrity.sign(document: .object(try fixture.draft()),
                                             options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: fixture.issuer + "#other"), key: fixture.key)
        #expect(outcome(await result(unknown), .issuer)?.code == "unknownKey")
    }

    @Test("a credential naming another issuer's status list fails the status check as statusListNotIssuers, whatever the list's bits say")
    func foreignStatusList() async throws {
        let other = try VerifierFixture()
        let foreign = other.issuer + "/status/revocation/0"
        // The other issuer's list is published (all bits clear); the credential is signed by the fixture's issuer.
        fixture.registry.publish(statusList: RegisteredStatusList(issuer: try DID(parsing: other.issuer), list: try BitstringStatusList()), id: foreign)
        var draft = try fixture.draft()
        draft["credentialStatus"] = [try BitstringStatusListEntry(statusPurpose: .revocation, statusListIndex: 7, statusListCredential: foreign).jsonValue]
        let result = await result(try fixture.sign(draft))
        #expect(!result.verified)
        #expect(outcome(result, .proof)?.outcome == .passed)
        #expect(outcome(result, .status)?.code == "statusListNotIssuers", "\(result.checks)")
        #expect(result.failures.map(\.name) == [.status])
    }

    @Test("a credential proof made for authentication rather than assertionMethod is malformed, naming proofPurpose")
    func wrongProofPurpose() async throws {
        for purpose in ["authentication", "capabilityInvocation"] {
            let signed = try DataIntegrity.sign(document: .object(try fixture.draft()),
                                                options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: fixture.verificationMethod, proofPurpose: purpose),
                                                key: fixture.key)
            let result = await result(signed)
            #expect(!result.verified, "\(purpose)")
            #expect(outcome(result, .format)?.code == "invalidProof", "\(purpose): \(result.checks)")
            #expect(outcome(result, .format)?.reason.contains("proofPurpose 'assertionMethod'") == true, "\(purpose)")
        }
    }

    @Test("the published eddsa-jcs-2022 vector's proof holds, and its https issuer is named as not a DID")
    func publishedVector() async throws {
        let signed = try DataIntegrityFixtures.json("di-eddsa/eddsa-jcs-2022/signedJCS.json")
        let result = await result(signed)
        #expect(outcome(result, .proof)?.outcome == .passed)
        #expect(outcome(result, .issuer)?.code == "issuerNotDID")
    }
}
