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
    /// - Throws: `issuanceFailed` when the signer's key cannot sign `format` (the EdDSA Data
    ///   Integrity formats need Ed25519, the ECDSA ones P-256) or belongs to another DID.
    public init(issuer: String, signer: any CredentialSigner, format: CredentialFormat) throws {
        guard signer.verificationMethod.hasPrefix(issuer + "#") else {
            throw CredentialsError.issuanceFailed("The signing key \(signer.verificationMethod) is not one of the issuer \(issuer)'s keys.")
        }
        switch (format, signer.publicKey) {
        case (.diEdDSA, .ed25519), (.diECDSA, .p256), (.diEdDSARDFC, .ed25519), (.diECDSARDFC, .p256), (.jwt, _), (.sdJWT, _): break
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
        /// JOSE formats: the credential's own `evidence` entries, taken out of ``payload`` so
        /// that the payload can end with the evidence member (specs/credentials.md §7); they are
        /// signed before the anchor entry, outside the anchored leaf.
        public var ownEvidence: [JSONValue] = []
    }

    /// Prepares a credential: SD-JWT makes every subject claim but `id` selectively
    /// disclosable and binds `holderKey` when given.
    /// - Throws: `invalidSDJWT` when the credential uses SD-JWT's reserved names.
    public func prepare(_ credential: JSONObject, holderKey: PublicKeyMaterial? = nil,
                        salt: () -> [UInt8] = { SecureRandom.bytes(count: 16) }) throws -> Prepared {
        var credential = credential
        var own: [JSONValue] = []
        if format == .jwt || format == .sdJWT, let given = credential.removeValue(forKey: "evidence") {
            own = given.arrayValue ?? [given]
        }
        guard format == .sdJWT else { return Prepared(payload: credential, disclosures: [], evidence: nil, ownEvidence: own) }
        let subject = credential["credentialSubject"]?.objectValue ?? [:]
        let draft = try SDJWT.prepare(credential, disclosable: subject.keys.filter { $0 != "id" }, holderKey: holderKey, salt: salt)
        return Prepared(payload: draft.payload, disclosures: draft.disclosures, evidence: nil, ownEvidence: own)
    }

    /// Secures a prepared credential.
    /// - Returns: the JWT / SD-JWT text, or the credential object with its proof.
    /// - Throws: the signer's error; `invalidProof` for a document Data Integrity refuses.
    public func secure(_ prepared: Prepared) async throws -> JSONValue {
        // JOSE payloads are JCS with the evidence member last (specs/credentials.md §7): the
        // credential's own entries, then the anchor entry.
        let bytes = prepared.evidence.map { Self.josePayload(prepared.payload, evidence: prepared.ownEvidence + [$0.json]) }
        var unanchored = prepared.payload
        if !prepared.ownEvidence.isEmpty { unanchored["evidence"] = .array(prepared.ownEvidence) }
        switch format {
        case .jwt:
            if let bytes { return .string(try await CompactJWS.sign(header: ["typ": "vc+jwt"], payload: bytes, signer: signer)) }
            return .string(try await JWTCredential.issue(unanchored, signer: signer))
        case .sdJWT:
            if let bytes {
                return .string(try await SDJWTDraft(payload: prepared.payload, disclosures: prepared.disclosures).sign(payloadBytes: bytes, signer: signer))
            }
            return .string(try await SDJWTDraft(payload: unanchored, disclosures: prepared.disclosures).sign(signer: signer))
        case .diEdDSA, .diECDSA, .diEdDSARDFC, .diECDSARDFC:
            let document = prepared.evidence.map { $0.added(to: prepared.payload) } ?? prepared.payload
            // Every Data Integrity format names its suite; the JOSE formats returned above.
            let options = DataIntegrityProof.Options(cryptosuite: format.cryptosuite ?? .eddsaJCS2022,
                                                     verificationMethod: signer.verificationMethod)
            return try await DataIntegrity.sign(document: .object(document), options: options, signer: signer)
        }
    }

    /// `JCS(credential)` with its closing brace replaced by `,"evidence":[entries…]}`: the
    /// anchored leaf is the SHA-256 of the bytes before that member, closed again.
    static func josePayload(_ credential: JSONObject, evidence entries: [JSONValue]) -> [UInt8] {
        guard entries.count > 1 else { return AnchorEvidence.payloadBytes(credential: credential, entry: entries[0]) }
        var bytes = JCS.canonicalize(.object(credential))
        bytes.removeLast()
        bytes += Array(#","evidence":["#.utf8) + Array(entries.map { JCS.canonicalize($0) }.joined(separator: [UInt8(ascii: ",")])) + Array("]}".utf8)
        return bytes
    }

    /// Prepares and secures one credential (no anchoring).
    public func secure(_ credential: JSONObject, holderKey: PublicKeyMaterial? = nil) async throws -> JSONValue {
        try await secure(try prepare(credential, holderKey: holderKey))
    }
}
