import Foundation
internal import DID
internal import Primitives

/// A credential as it arrived, unwrapped from its securing format: the data-model view, the
/// key it names, and how to check its signature, so every later check is format-blind.
struct SecuredCredential: Sendable {
    /// The securing format, as reported to the user.
    enum Format: String, Sendable {
        case jwt = "vc+jwt"
        case legacyJWT = "jwt_vc (VC 1.1 'vc' claim)"
        case sdJWT = "vc+sd-jwt"
        case dataIntegrity = "Data Integrity"
    }

    /// A signature verdict: `nil` when valid, else a reason code and sentence.
    typealias SignatureCheck = @Sendable (PublicKeyMaterial) -> (code: String, reason: String)?

    let format: Format
    let credential: VerifiableCredential
    /// What the anchored leaf is computed from (specs/credentials.md §7).
    enum Anchored: Sendable {
        /// A document: `SHA-256(JCS(document))` without `proof` and the anchor entry.
        case object(JSONObject)
        /// Signed JWT / SD-JWT payload bytes ending with the evidence member.
        case payload([UInt8], evidence: JSONValue?)

        /// The leaf, or `nil` when signed bytes do not end with their evidence member.
        var leaf: [UInt8]? {
            switch self {
            case .object(let object): AnchorEvidence.leaf(of: object)
            case .payload(let bytes, let evidence): evidence.flatMap { AnchorEvidence.leaf(ofPayload: bytes, evidence: $0) }
            }
        }
    }

    /// What the issuer anchored.
    let anchored: Anchored
    /// The `kid` or `verificationMethod` the proof names; `nil` when a JWT names none.
    let verificationMethod: String?
    /// The algorithm-specific signature check.
    let checkSignature: SignatureCheck
    /// JWT `nbf` / `exp`, in ms since 1970, when present.
    let notBefore: Int64?
    let expires: Int64?
    /// The holder key an SD-JWT binds to (`cnf.jwk`), and its key-binding verdict source;
    /// `nil` until ``disclosingSDJWT()`` has processed the Disclosures.
    let sdJWT: SDJWT?
    /// An SD-JWT whose Disclosures are not processed yet: ``credential`` is then the
    /// issuer-signed payload alone (specs/credentials.md §4.3, order of the checks).
    var pendingSDJWT: (text: String, jws: CompactJWS, payload: JSONObject)? = nil
    /// A Data Integrity proof, whose `created` and `expires` the proof check compares with now.
    var dataIntegrityProof: DataIntegrityProof? = nil
    /// The other proofs of a Data Integrity proof set or chain, each checked with the key its
    /// own verification method names: every proof must hold.
    var otherProofs: [(proof: DataIntegrityProof, check: SignatureCheck)] = []

    /// Unwraps a verifier input: an object with an embedded Data Integrity proof, or the
    /// compact text of a JWT or SD-JWT credential.
    /// - Throws: `CredentialsError` naming what is malformed; the caller reports it as the
    ///   failed `format` check.
    static func decode(_ input: JSONValue, canonicalForm: RDFCanonicalForm = .bundled) throws -> SecuredCredential {
        switch input {
        case .object(let object):
            if let token = try EnvelopedDocument.token(of: object, type: "EnvelopedVerifiableCredential",
                                                       mediaTypes: EnvelopedDocument.credentialMediaTypes) {
                return try decode(.string(token))
            }
            return try dataIntegrity(object, canonicalForm: canonicalForm)
        case .string(let text): return SecuredCredential.hasTilde(text) ? try sdJWT(text) : try jwt(text)
        default:
            throw CredentialsError.invalidCredential("A credential is a JSON object with a proof, or a JWT / SD-JWT string; this is \(JSONFieldReader.kind(of: input)).")
        }
    }

    /// Whether compact text holds a `~` (an SD-JWT): a scan of the contiguous UTF-8.
    static func hasTilde(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.count > 0 && memchr(bytes.baseAddress!, Int32(UInt8(ascii: "~")), bytes.count) != nil }
    }

    /// A credential with one Data Integrity proof, a proof set or a chain (W3C VC Data
    /// Integrity §2.1): the proof by one of the issuer's keys (else the first) is the one the
    /// issuer check and the report name; the others are checked beside it.
    private static func dataIntegrity(_ object: JSONObject, canonicalForm: RDFCanonicalForm) throws -> SecuredCredential {
        let credential = try VerifiableCredential(json: object)
        guard object["proof"] != nil else {
            throw CredentialsError.invalidCredential("The credential has no 'proof'; send a secured credential (with an embedded proof, or as a JWT).")
        }
        let (unsecured, proofObjects) = try DataIntegrity.proofs(of: object)
        let proofs = try proofObjects.map(DataIntegrityProof.init(parsing:))
        for proof in proofs where proof.options.proofPurpose != "assertionMethod" {
            throw CredentialsError.invalidProof("A credential's proof must have proofPurpose 'assertionMethod', not '\(proof.options.proofPurpose)'.")
        }
        let inputs = try proofObjects.map { try DataIntegrity.input(for: $0, unsecured: unsecured, allProofs: proofObjects) }
        let check = { (index: Int) -> SignatureCheck in
            { key in Self.checkDataIntegrity(proof: proofObjects[index], over: inputs[index], key: key, canonicalForm: canonicalForm) }
        }
        let primary = proofs.firstIndex { $0.options.verificationMethod.hasPrefix(credential.issuer + "#") } ?? 0
        var secured = SecuredCredential(
            format: .dataIntegrity, credential: credential, anchored: .object(unsecured),
            verificationMethod: proofs[primary].options.verificationMethod,
            checkSignature: check(primary), notBefore: nil, expires: nil, sdJWT: nil, dataIntegrityProof: proofs[primary])
        secured.otherProofs = proofs.indices.filter { $0 != primary }.map { (proofs[$0], check($0)) }
        return secured
    }

    /// A secured document's single proof, checked with `key`.
    static func checkDataIntegrity(_ document: JSONValue, key: PublicKeyMaterial, canonicalForm: RDFCanonicalForm = .bundled)
        -> (code: String, reason: String)? {
        guard case .object(var unsecured) = document, case .object(let proof)? = unsecured.removeValue(forKey: "proof") else {
            return ("invalidProof", "The document has no single proof object.")
        }
        return checkDataIntegrity(proof: proof, over: unsecured, key: key, canonicalForm: canonicalForm)
    }

    /// One proof over its input document, checked with `key`: `nil` when it holds, else the
    /// reason code (`signatureMismatch`, `droppedTerm`, `unknownContext`, …) and a sentence.
    static func checkDataIntegrity(proof: JSONObject, over input: JSONObject, key: PublicKeyMaterial,
                                   canonicalForm: RDFCanonicalForm = .bundled) -> (code: String, reason: String)? {
        let verificationKey: DataIntegrityVerificationKey
        switch key {
        case .ed25519(let key): verificationKey = .ed25519(key)
        case .p256(let key): verificationKey = .p256(key)
        case .p384(let key): verificationKey = .p384(key)
        case .secp256k1: return ("keyDoesNotMatchCryptosuite", "The proof's cryptosuite does not sign with a secp256k1 key.")
        case .sm2: return ("keyDoesNotMatchCryptosuite", "The proof's cryptosuite does not sign with an SM2 key.")
        }
        do {
            switch try DataIntegrity.verify(proof: proof, over: input, key: verificationKey, canonicalForm: canonicalForm) {
            case .valid: return nil
            case .invalid(let reason): return (reason.rawValue, DataIntegrityVerification.Reason.describe(reason))
            }
        } catch let error as CredentialsError {
            return (error.code.name, error.reason)
        } catch {
            return ("invalidProof", "The proof cannot be read.")
        }
    }
}

extension DataIntegrityVerification.Reason {
    /// One sentence for each rejection reason.
    static func describe(_ reason: Self) -> String {
        switch reason {
        case .signatureMismatch: "The signature does not match the credential: it was altered or signed by another key."
        case .keyDoesNotMatchCryptosuite: "The verification method's key type does not match the proof's cryptosuite."
        case .contextMismatch: "The proof's @context is not a prefix of the credential's @context."
        }
    }
}
