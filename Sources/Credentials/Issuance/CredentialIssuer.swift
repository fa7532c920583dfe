public import DID
public import Primitives

/// Signs credentials for one issuer in one format. Drafting, anchoring and status allocation
/// happen before (see ``IssuanceBatch``); this type only secures finished credential objects.
public struct CredentialIssuer: Sendable {
    /// The issuer's DID.
    public let issuer: String
    /// Signs for the issuer's assertion key.
    public let signer: any CredentialSigner
    /// The securing format.
    public let format: CredentialFormat

    /// Creates an issuer.
    /// - Throws: `issuanceFailed` when the signer's key cannot sign `format` (Data Integrity
    ///   needs Ed25519 or P-256) or belongs to another DID.
    public init(issuer: String, signer: any CredentialSigner, format: CredentialFormat) throws {
        guard signer.verificationMethod.hasPrefix(issuer + "#") else {
            throw CredentialsError.issuanceFailed("The signing key \(signer.verificationMethod) is not one of the issuer \(issuer)'s keys.")
        }
        switch (format, signer.publicKey) {
        case (.diEdDSA, .ed25519), (.diECDSA, .p256), (.jwt, _), (.sdJWT, _): break
        default:
            throw CredentialsError.issuanceFailed("Format \(format.rawValue) cannot be signed with a \(signer.publicKey.jwsAlgorithm) key; use --format jwt or sd-jwt.")
        }
        self.issuer = issuer
        self.signer = signer
        self.format = format
    }

    /// A credential made ready to sign: for SD-JWT, its payload with digests and its
    /// Disclosures; for the other formats, the credential itself. Anchor evidence is added to
    /// ``payload`` between ``prepare(_:holderKey:salt:)`` and ``secure(_:)``.
    public struct Prepared: Sendable {
        /// What the issuer signs (and the batch anchors), without evidence.
        public var payload: JSONObject
        /// SD-JWT Disclosures; empty for the other formats.
        public let disclosures: [Disclosure]
        /// The anchor evidence entry, added when the batch's root is anchored.
        public var evidence: AnchorEvidence?
    }

    /// Prepares a credential: SD-JWT makes every subject claim but `id` selectively
    /// disclosable and binds `holderKey` when given.
    /// - Throws: `invalidSDJWT` when the credential uses SD-JWT's reserved names.
    public func prepare(_ credential: JSONObject, holderKey: PublicKeyMaterial? = nil,
                        salt: () -> [UInt8] = { SecureRandom.bytes(count: 16) }) throws -> Prepared {
        guard format == .sdJWT else { return Prepared(payload: credential, disclosures: [], evidence: nil) }
        let subject = credential["credentialSubject"]?.objectValue ?? [:]
        let draft = try SDJWT.prepare(credential, disclosable: subject.keys.filter { $0 != "id" }, holderKey: holderKey, salt: salt)
        return Prepared(payload: draft.payload, disclosures: draft.disclosures, evidence: nil)
    }

    /// Secures a prepared credential.
    /// - Returns: the JWT / SD-JWT text, or the credential object with its proof.
    /// - Throws: the signer's error; `invalidProof` for a document Data Integrity refuses.
    public func secure(_ prepared: Prepared) async throws -> JSONValue {
        // JOSE payloads are JCS with the evidence member last (specs/credentials.md §7), so the
        // credential cannot bring an `evidence` member of its own.
        if prepared.evidence != nil, format == .jwt || format == .sdJWT, prepared.payload["evidence"] != nil {
            throw CredentialsError.issuanceFailed("A JWT or SD-JWT credential cannot carry evidence of its own beside the anchor; issue it as Data Integrity.")
        }
        let bytes = prepared.evidence.map { AnchorEvidence.payloadBytes(credential: prepared.payload, entry: $0.json) }
        switch format {
        case .jwt:
            if let bytes { return .string(try await CompactJWS.sign(header: ["typ": "vc+jwt"], payload: bytes, signer: signer)) }
            return .string(try await JWTCredential.issue(prepared.payload, signer: signer))
        case .sdJWT:
            let draft = SDJWTDraft(payload: prepared.payload, disclosures: prepared.disclosures)
            if let bytes { return .string(try await draft.sign(payloadBytes: bytes, signer: signer)) }
            return .string(try await draft.sign(signer: signer))
        case .diEdDSA, .diECDSA:
            let document = prepared.evidence.map { $0.added(to: prepared.payload) } ?? prepared.payload
            let options = DataIntegrityProof.Options(cryptosuite: format == .diEdDSA ? .eddsaJCS2022 : .ecdsaJCS2019,
                                                     verificationMethod: signer.verificationMethod)
            return try await DataIntegrity.sign(document: .object(document), options: options, signer: signer)
        }
    }

    /// Prepares and secures one credential (no anchoring).
    public func secure(_ credential: JSONObject, holderKey: PublicKeyMaterial? = nil) async throws -> JSONValue {
        try await secure(try prepare(credential, holderKey: holderKey))
    }
}
