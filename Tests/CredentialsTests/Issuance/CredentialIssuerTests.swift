import Credentials
import DID
import Primitives
import Testing

@Suite("CredentialIssuer")
struct CredentialIssuerTests {
    @Test("Data Integrity issuance through a signer round-trips with anchored evidence, for Ed25519 and P-256 did:key issuers",
          arguments: [CredentialFormat.diEdDSA, .diECDSA])
    func dataIntegrityRoundTrip(format: CredentialFormat) async throws {
        let key: PrivateKeySigner.Key = format == .diEdDSA ? .ed25519(Ed25519PrivateKey()) : .p256(P256PrivateKey())
        let publicKey = PrivateKeySigner(key: key, verificationMethod: "").publicKey
        let did = try DIDKey(publicKey: publicKey).did.description
        let signer = PrivateKeySigner(key: key, verificationMethod: did + "#" + String(did.dropFirst("did:key:".count)))
        let issuer = try CredentialIssuer(issuer: did, signer: signer, format: format)
        let registry = InMemoryCredentialRegistry()
        let draft = CredentialDraft(id: "urn:uuid:5d1e8a7c-0000-4000-8000-000000000001", issuer: did,
                                    subject: ["id": "did:example:holder", "name": "Ada"], schemaID: nil, validFrom: 1_700_000_000_000)
        let batch = IssuanceBatch(drafts: [draft])
        registry.record(anchor: RegisteredAnchor(issuer: try DID(parsing: did), height: 1, time: 1_700_000_000_500), root: batch.root)
        var prepared = try issuer.prepare(draft.json)
        prepared.evidence = try batch.evidence(at: 0)
        let secured = try await issuer.secure(prepared)
        let result = await CredentialVerifier(resolver: DIDKey.Resolver(), registry: registry).verify(secured, now: 1_700_000_001_000)
        #expect(result.verified, "\(result.failures)")
        #expect(result.format == "Data Integrity")
        #expect(result.checks.first { $0.name == .evidence }?.outcome == .passed)
    }

    @Test("an issuer refuses a signer of another DID and a Data Integrity format its key cannot sign")
    func refusals() throws {
        let key = Secp256k1PrivateKey()
        let signer = PrivateKeySigner(key: .secp256k1(key), verificationMethod: "did:example:a#key-1")
        #expect(throws: CredentialsError.self) { try CredentialIssuer(issuer: "did:example:b", signer: signer, format: .jwt) }
        #expect(throws: CredentialsError.self) { try CredentialIssuer(issuer: "did:example:a", signer: signer, format: .diEdDSA) }
        #expect((try? CredentialIssuer(issuer: "did:example:a", signer: signer, format: .sdJWT)) != nil)
    }
}

@Suite("CredentialIssuer and a credential's own evidence")
struct CredentialIssuerOwnEvidenceTests {
    @Test("a credential keeps its own evidence beside the anchor entry and verifies, as Data Integrity and as JWT")
    func ownEvidence() async throws {
        let key = Ed25519PrivateKey()
        let did = try DIDKey(publicKey: .ed25519(key.publicKey)).did.description
        let signer = PrivateKeySigner(key: .ed25519(key), verificationMethod: did + "#" + String(did.dropFirst("did:key:".count)))
        var draft = CredentialDraft(id: "urn:uuid:5d1e8a7c-0000-4000-8000-000000000002", issuer: did,
                                    subject: ["id": "did:example:holder", "name": "Ada"], schemaID: nil, validFrom: 1_700_000_000_000)
        draft.json["evidence"] = ["type": ["DocumentVerification"], "verifier": "https://registrar.example"]
        let batch = IssuanceBatch(drafts: [draft])
        let registry = InMemoryCredentialRegistry()
        registry.record(anchor: RegisteredAnchor(issuer: try DID(parsing: did), height: 1, time: 1_700_000_000_500), root: batch.root)

        let issuer = try CredentialIssuer(issuer: did, signer: signer, format: .diEdDSA)
        var prepared = try issuer.prepare(draft.json)
        prepared.evidence = try batch.evidence(at: 0)
        let secured = try await issuer.secure(prepared)
        #expect(secured["evidence"]?.arrayValue?.count == 2)
        let result = await CredentialVerifier(resolver: DIDKey.Resolver(), registry: registry).verify(secured, now: 1_700_000_001_000)
        #expect(result.checks.first { $0.name == .evidence }?.outcome == .passed, "\(result.failures)")

        // JOSE: the own entry is signed before the anchor entry, in the trailing evidence member,
        // and stays outside the anchored leaf (specs/credentials.md §7).
        let jwtIssuer = try CredentialIssuer(issuer: did, signer: signer, format: .jwt)
        var jwtPrepared = try jwtIssuer.prepare(draft.json)
        #expect(jwtPrepared.payload["evidence"] == nil && jwtPrepared.ownEvidence.count == 1)
        let jwtBatch = IssuanceBatch(drafts: [CredentialDraft(json: jwtPrepared.payload)])
        registry.record(anchor: RegisteredAnchor(issuer: try DID(parsing: did), height: 2, time: 1_700_000_000_600), root: jwtBatch.root)
        jwtPrepared.evidence = try jwtBatch.evidence(at: 0)
        let jwt = try #require(try await jwtIssuer.secure(jwtPrepared).stringValue)
        let payload = try JSONValue(parsing: Base64URL.decode(String(jwt.split(separator: ".")[1])))
        #expect(payload["evidence"]?.arrayValue?.map { $0["type"] } == [["DocumentVerification"], "ChanceryAnchorEvidence"])
        let jwtResult = await CredentialVerifier(resolver: DIDKey.Resolver(), registry: registry).verify(.string(jwt), now: 1_700_000_001_000)
        #expect(jwtResult.checks.first { $0.name == .evidence }?.outcome == .passed, "\(jwtResult.failures)")
    }
}
