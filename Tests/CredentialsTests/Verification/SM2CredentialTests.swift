import Credentials
import DID
import Foundation
import KeyCustody
import Primitives
import Testing

/// A resolver over fixed documents: an SM2 issuer has no did:key form, so its did:chancery
/// document is served from here instead of a chain.
struct FixedDocumentResolver: DIDResolver {
    let documents: [DID: DIDDocument]

    func resolve(_ did: DID, options: DIDResolutionOptions) async -> DIDResolutionResult {
        guard let document = documents[did] else { return DIDResolutionResult(error: DIDError(.notFound)) }
        return DIDResolutionResult(didDocument: document, didResolutionMetadata: DIDResolutionMetadata(contentType: DIDMediaType.didLDJSON))
    }
}

@Suite("SM2 issuers: SM2SM3 JWT credentials through the engine")
struct SM2CredentialTests {
    let key = SM2PrivateKey()
    let did: DID
    let document: DIDDocument
    let registry = InMemoryCredentialRegistry()
    var issuerID: String { did.description }
    var verificationMethod: String { issuerID + "#key-1" }

    init() throws {
        did = try DIDChancery(chainId: "test-chain", publicKey: key.publicKey).did
        document = try DIDChancery.defaultDocument(for: did, publicKey: key.publicKey)
        registry.register(schema: try CredentialSchema(VerifierFixture.schema), id: try CPTIdentifier(parsing: VerifierFixture.cpt))
        registry.accredit(issuer: try DID(parsing: issuerID), schema: try CPTIdentifier(parsing: VerifierFixture.cpt), from: VerifierFixture.now - 86_400_000)
        for purpose in ["revocation", "suspension"] {
            registry.publish(statusList: RegisteredStatusList(issuer: try DID(parsing: did.description), list: try BitstringStatusList()),
                             id: did.description + "/status/\(purpose)/0")
        }
    }

    func verifier(_ policy: VerificationPolicy = .standard) -> CredentialVerifier {
        CredentialVerifier(resolver: FixedDocumentResolver(documents: [did: document]), registry: registry, policy: policy)
    }

    func draft() throws -> JSONObject {
        try CredentialDraft(id: "urn:uuid:0b5c6a4e-1d1e-4c55-9a59-5ad0f6f4c0a2", issuer: issuerID, types: ["DiplomaCredential"],
                            subject: ["id": "did:example:holder", "name": "Ada", "year": 2024], schemaID: VerifierFixture.cpt,
                            validFrom: VerifierFixture.now - 1_000, validUntil: VerifierFixture.now + 86_400_000,
                            status: [BitstringStatusListEntry(statusPurpose: .revocation, statusListIndex: 3,
                                                              statusListCredential: issuerID + "/status/revocation/0"),
                                     BitstringStatusListEntry(statusPurpose: .suspension, statusListIndex: 3,
                                                              statusListCredential: issuerID + "/status/suspension/0")]).json
    }

    /// Issues an anchored vc+jwt with `signer` and verifies it under the accredited policy.
    func issueAndVerify(signer: any CredentialSigner) async throws -> (jwt: String, result: CredentialVerificationResult) {
        let issuer = try CredentialIssuer(issuer: issuerID, signer: signer, format: .jwt)
        let batch = IssuanceBatch(drafts: [CredentialDraft(json: try draft())])
        registry.record(anchor: RegisteredAnchor(issuer: try DID(parsing: issuerID), height: 2, time: VerifierFixture.now - 100), root: batch.root)
        var prepared = try issuer.prepare(try draft())
        prepared.evidence = try batch.evidence(at: 0)
        let jwt = try #require(try await issuer.secure(prepared).stringValue)
        return (jwt, await verifier(.accredited).verify(.string(jwt), now: VerifierFixture.now))
    }

    @Test("an SM2 issuer's vc+jwt is signed SM2SM3 and passes the same named checks as an Ed25519 one")
    func sameChecks() async throws {
        let (jwt, result) = try await issueAndVerify(signer: PrivateKeySigner(key: .sm2(key), verificationMethod: verificationMethod))
        #expect(result.verified, "\(result.failures)")
        #expect(result.format == "vc+jwt")
        let jws = try CompactJWS(parsing: jwt)
        #expect(jws.algorithm == .sm2sm3)
        #expect(jws.header["alg"] == "SM2SM3")
        #expect(jws.signature.count == 64)
        #expect(jws.isValidSignature(by: .sm2(key.publicKey)))
        #expect(result.checks.first { $0.name == .proof }?.reason.contains("SM2SM3") == true)

        let reference = try VerifierFixture()
        let edIssuer = try CredentialIssuer(issuer: reference.issuer, signer: PrivateKeySigner(key: .ed25519(reference.key), verificationMethod: reference.verificationMethod), format: .jwt)
        let batch = IssuanceBatch(drafts: [CredentialDraft(json: try reference.draft())])
        reference.registry.record(anchor: RegisteredAnchor(issuer: try DID(parsing: reference.issuer), height: 2, time: VerifierFixture.now - 100), root: batch.root)
        var prepared = try edIssuer.prepare(try reference.draft())
        prepared.evidence = try batch.evidence(at: 0)
        let edResult = await reference.verifier(.accredited).verify(try await edIssuer.secure(prepared), now: VerifierFixture.now)
        #expect(result.checks.map(\.name) == edResult.checks.map(\.name))
        #expect(result.checks.map(\.outcome) == edResult.checks.map(\.outcome))
    }

    @Test("a changed signature byte, or an SM2 signature under another identifier, fails the proof check by name")
    func tampered() async throws {
        let (jwt, _) = try await issueAndVerify(signer: PrivateKeySigner(key: .sm2(key), verificationMethod: verificationMethod))
        var characters = Array(jwt)
        let inSignature = try #require(characters.lastIndex(of: ".")) + 5
        characters[inSignature] = characters[inSignature] == "A" ? "B" : "A"
        let flipped = await verifier().verify(.string(String(characters)), now: VerifierFixture.now)
        #expect(flipped.checks.first { $0.name == .proof }?.outcome == .failed)

        let input = String(jwt[..<(try #require(jwt.lastIndex(of: ".")))])
        let otherIdentifier = try key.signature(for: Array(input.utf8), distinguishingIdentifier: [])
        let emptyID = input + "." + Base64URL.encode(otherIdentifier.rawRepresentation)
        let refused = await verifier().verify(.string(emptyID), now: VerifierFixture.now)
        #expect(refused.checks.first { $0.name == .proof }?.outcome == .failed)
    }

    @Test("a CustodianSigner over an SM2 keystore key picks SM2SM3, over a secp256k1 key ES256K")
    func custodianSelection() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sm2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let custodian = try SoftwareCustodian(creating: directory.appendingPathComponent("k.json").path, password: "pw",
                                              parameters: try Argon2id.Parameters(opsLimit: 1, memLimit: 8192))
        try custodian.importKey(name: "sm2", privateKey: key)
        try custodian.generateKey(name: "k1")
        let sm2Signer = try await CustodianSigner(custodian: custodian, key: KeyReference("sm2"), verificationMethod: verificationMethod)
        #expect(sm2Signer.publicKey == .sm2(key.publicKey))
        let (jwt, result) = try await issueAndVerify(signer: sm2Signer)
        #expect(result.verified, "\(result.failures)")
        #expect(try CompactJWS(parsing: jwt).algorithm == .sm2sm3)
        let k1Signer = try await CustodianSigner(custodian: custodian, key: KeyReference("k1"), verificationMethod: verificationMethod)
        #expect(JWSAlgorithm(key: k1Signer.publicKey) == .es256k)
    }

    @Test("Data Integrity formats refuse an SM2 signer and point to the JWT format")
    func dataIntegrityRefused() throws {
        let signer = PrivateKeySigner(key: .sm2(key), verificationMethod: verificationMethod)
        for format in [CredentialFormat.diEdDSA, .diECDSA] {
            let error = #expect(throws: CredentialsError.self) { try CredentialIssuer(issuer: issuerID, signer: signer, format: format) }
            #expect(error?.reason.contains("SM2SM3") == true)
        }
    }
}
