import Credentials
import DID
import Primitives

/// A did:key Ed25519 issuer that signs eddsa-jcs-2022 credentials, an in-memory registry with
/// a diploma CPT, and a verifier over both: every engine test starts from a credential that
/// verifies and changes one thing.
struct VerifierFixture {
    static let cpt = "urn:chancery:cpt:1000:1"
    static let now: Int64 = 1_780_000_000_000
    let key = Ed25519PrivateKey()
    let registry = InMemoryCredentialRegistry()
    var issuer: String { (try? DIDKey(publicKey: .ed25519(key.publicKey)).did.description) ?? "" }
    var verificationMethod: String { issuer + "#" + String(issuer.dropFirst("did:key:".count)) }

    init() throws {
        registry.register(schema: try CredentialSchema(Self.schema), id: try CPTIdentifier(parsing: Self.cpt))
        registry.accredit(issuer: try DID(parsing: issuer), schema: try CPTIdentifier(parsing: Self.cpt), from: Self.now - 86_400_000)
        var revocation = try BitstringStatusList(), suspension = try BitstringStatusList()
        try revocation.setBit(at: 7, to: true)
        try suspension.setBit(at: 8, to: true)
        registry.publish(statusList: RegisteredStatusList(issuer: try DID(parsing: issuer), list: revocation), id: issuer + "/status/revocation/0")
        registry.publish(statusList: RegisteredStatusList(issuer: try DID(parsing: issuer), list: suspension), id: issuer + "/status/suspension/0")
    }

    static let schema: JSONValue = [
        "type": "object", "properties": ["name": ["type": "string"], "year": ["type": "integer", "minimum": 1900]],
        "required": ["name", "year"], "additionalProperties": false,
    ]

    func verifier(_ policy: VerificationPolicy = .standard) -> CredentialVerifier {
        CredentialVerifier(resolver: DIDKey.Resolver(), registry: registry, policy: policy)
    }

    /// An unsigned credential naming the CPT, with revocation and suspension entries at
    /// `statusIndex` (7 is revoked, 8 suspended).
    func draft(statusIndex: Int = 3, subject: JSONObject = ["id": "did:example:holder", "name": "Ada", "year": 2024],
               validFrom: Int64 = now - 1_000, validUntil: Int64? = now + 86_400_000) throws -> JSONObject {
        try CredentialDraft(id: "urn:uuid:0b5c6a4e-1d1e-4c55-9a59-5ad0f6f4c001", issuer: issuer, types: ["DiplomaCredential"], subject: subject,
                            schemaID: Self.cpt, validFrom: validFrom, validUntil: validUntil,
                            status: [BitstringStatusListEntry(statusPurpose: .revocation, statusListIndex: statusIndex,
                                                              statusListCredential: issuer + "/status/revocation/0"),
                                     BitstringStatusListEntry(statusPurpose: .suspension, statusListIndex: statusIndex,
                                                              statusListCredential: issuer + "/status/suspension/0")]).json
    }

    /// Signs a credential object with the issuer's key.
    func sign(_ credential: JSONObject) throws -> JSONValue {
        try DataIntegrity.sign(document: .object(credential),
                               options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: verificationMethod), key: key)
    }

    /// Anchors a batch of credentials in the registry and returns them with evidence, signed.
    func anchoredAndSigned(_ drafts: [JSONObject], height: UInt64 = 7, time: Int64 = now - 500) throws -> [JSONValue] {
        let batch = IssuanceBatch(drafts: drafts.map { CredentialDraft(json: $0) })
        registry.record(anchor: RegisteredAnchor(issuer: try DID(parsing: issuer), height: height, time: time), root: batch.root)
        return try drafts.indices.map { try sign(try batch.anchoredCredential(at: $0)) }
    }
}
