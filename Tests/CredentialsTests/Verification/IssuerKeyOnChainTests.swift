import Chain
import ChainTestSupport
import Credentials
import DID
import KeyCustody
import Primitives
import Testing

/// The issuer check against a did:chancery issuer whose document changes on the chain: a
/// credential counts only when the issuer's current document lists its key for assertions,
/// and the ledger takes the issuer's anchors only from a key the document still holds.
@Suite("Issuer keys on the chain")
struct IssuerKeyOnChainTests {
    let chain: CredentialChain
    init() throws { chain = try CredentialChain() }

    var verifier: CredentialVerifier {
        CredentialVerifier(resolver: DIDChancery.Resolver(chainId: chain.chainId, state: chain.chain.store), registry: chain.ledger)
    }

    /// `issuer`'s default document, with `extra`'s key added as `#key-2` under `relationships`.
    func document(_ issuer: Identity, adding extra: Identity? = nil, for relationships: [VerificationRelationship] = []) throws -> DIDDocument {
        var document = try DIDChancery.defaultDocument(for: issuer.did, publicKey: issuer.publicKey)
        if let extra {
            let method = VerificationMethod(id: try DIDURL(did: issuer.did, fragment: "key-2"), controller: issuer.did,
                                            multikey: .secp256k1(extra.publicKey))
            document.verificationMethod.append(method)
            for relationship in relationships { document[relationship].append(.reference(method.id)) }
        }
        return document
    }

    /// Replaces `issuer`'s document, signed by its inception key (`#key-1`).
    func update(_ issuer: Identity, to document: DIDDocument, previousVersionId: UInt64) async throws {
        let operation = try await DIDOperation.signed(.update, did: issuer.did, document: document, previousVersionId: previousVersionId,
                                                      chainId: chain.chainId, custodian: chain.chain.custodian, key: issuer.key)
        _ = try await chain.chain.submit(type: DIDOperation.Kind.update.transactionType, body: operation.body)
    }

    /// A vc+jwt naming `issuer`, signed by `key` under the kid `issuer#fragment`.
    func credential(_ issuer: Identity, signedBy key: KeyReference, fragment: String) async throws -> JSONValue {
        let draft = CredentialDraft(id: "urn:uuid:5a1d0c2e-8f57-4d0b-9c3e-0f1e2d3c4b5a", issuer: issuer.did.description, types: ["DiplomaCredential"],
                                    subject: ["id": "did:example:holder", "name": "Ada"], schemaID: nil, validFrom: Int64(chain.now) - 1_000)
        let signer = try await CustodianSigner(custodian: chain.chain.custodian, key: key, verificationMethod: "\(issuer.did)#\(fragment)")
        return .string(try await JWTCredential.issue(draft.json, signer: signer))
    }

    func verify(_ credential: JSONValue) async -> CredentialVerificationResult {
        await verifier.verify(credential, now: Int64(chain.now))
    }

    func anchor(_ issuer: Identity, signedBy key: KeyReference, seed: String) async throws {
        let allocations = try chain.ledger.plannedAllocations(issuer: issuer.did, purpose: .revocation, count: 1)
        let root = MerkleTree(leaves: [Array(seed.utf8)]).root
        try await chain.submit(.evidenceAnchor, as: issuer, payload: CredentialLedgerPayload.evidenceAnchor(root: root, count: 1, allocations: allocations),
                               signer: key)
    }

    @Test("a credential whose kid names a key the issuer lists only for authentication fails the issuer check as unknownKey")
    func authenticationKeyIsNotAnAssertionKey() async throws {
        let university = try await chain.create("university")
        let login = try chain.newIdentity("university-login")
        try await update(university, to: try document(university, adding: login, for: [.authentication]), previousVersionId: 1)

        let genuine = await verify(try await credential(university, signedBy: university.key, fragment: "key-1"))
        #expect(genuine.verified, "\(genuine.failures)")
        let byLoginKey = await verify(try await credential(university, signedBy: login.key, fragment: "key-2"))
        #expect(!byLoginKey.verified)
        let issuer = byLoginKey.checks.first { $0.name == .issuer }
        #expect(issuer?.code == "unknownKey" && issuer?.reason.contains("assertion") == true, "\(byLoginKey.checks)")
        #expect(byLoginKey.checks.first { $0.name == .proof }?.outcome == .failed, "no key to check the signature with")
    }

    @Test("after a key is removed from the issuer's DID, credentials it signs fail the issuer check and the ledger refuses its anchors")
    func removedKey() async throws {
        let university = try await chain.create("university")
        let deputy = try chain.newIdentity("university-deputy")
        try await update(university, to: try document(university, adding: deputy, for: [.authentication, .assertionMethod]), previousVersionId: 1)
        let before = try await credential(university, signedBy: deputy.key, fragment: "key-2")
        #expect(await verify(before).verified, "the deputy key signs while the document lists it")
        try await anchor(university, signedBy: deputy.key, seed: "before")

        try await update(university, to: try document(university), previousVersionId: 2)
        let after = try await credential(university, signedBy: deputy.key, fragment: "key-2")
        for (name, credential) in [("signed after the removal", after), ("signed before the removal", before)] {
            let result = await verify(credential)
            #expect(!result.verified, "\(name)")
            #expect(result.checks.first { $0.name == .issuer }?.code == "unknownKey", "\(name): \(result.checks)")
        }
        await #expect(throws: ChainError(.unauthorized, "")) { try await anchor(university, signedBy: deputy.key, seed: "after") }
        // The key that remains still issues.
        #expect(await verify(try await credential(university, signedBy: university.key, fragment: "key-1")).verified)
        try await anchor(university, signedBy: university.key, seed: "after")
    }
}
