package import Primitives
package import LinkedData

/// A cryptographic suite of W3C VC Data Integrity: the `DataIntegrityProof` cryptosuites that
/// canonicalize with JCS (RFC 8785) — `eddsa-jcs-2022` (vc-di-eddsa §3.3), `ecdsa-jcs-2019`
/// (vc-di-ecdsa, P-256) — or with RDFC-1.0 — `eddsa-rdfc-2022` (vc-di-eddsa §3.2),
/// `ecdsa-rdfc-2019` (vc-di-ecdsa §3.3, P-256 and P-384) — and the legacy proof types that
/// canonicalize with RDFC-1.0 and are named by their `type` alone: `Ed25519Signature2020`
/// (vc-di-eddsa §4, multibase `proofValue`) and `Ed25519Signature2018` (a detached JWS with
/// `b64` false, read-only).
public enum DataIntegrityCryptosuite: String, Sendable, Hashable, CaseIterable {
    /// Ed25519 signatures over JCS-canonicalized documents.
    case eddsaJCS2022 = "eddsa-jcs-2022"
    /// ECDSA P-256 / SHA-256 signatures over JCS-canonicalized documents.
    case ecdsaJCS2019 = "ecdsa-jcs-2019"
    /// Ed25519 signatures over RDFC-1.0 canonical N-Quads.
    case eddsaRDFC2022 = "eddsa-rdfc-2022"
    /// ECDSA signatures over RDFC-1.0 canonical N-Quads: P-256 with SHA-256, P-384 with SHA-384.
    case ecdsaRDFC2019 = "ecdsa-rdfc-2019"
    /// The legacy proof type `Ed25519Signature2020`: as `eddsa-rdfc-2022`, with no cryptosuite member.
    case ed25519Signature2020 = "Ed25519Signature2020"
    /// The legacy proof type `Ed25519Signature2018`: the same hash data, signed as a detached
    /// JWS (`{"alg":"EdDSA","b64":false,"crit":["b64"]}`) in the proof's `jws` member.
    case ed25519Signature2018 = "Ed25519Signature2018"

    /// The proof's `type`: `DataIntegrityProof`, or the legacy type's own name.
    public var proofType: String {
        switch self {
        case .eddsaJCS2022, .ecdsaJCS2019, .eddsaRDFC2022, .ecdsaRDFC2019: DataIntegrityProof.type
        case .ed25519Signature2020, .ed25519Signature2018: rawValue
        }
    }

    /// Whether the suite is a legacy proof type, written without a `cryptosuite` member.
    public var isLegacyProofType: Bool { proofType != DataIntegrityProof.type }

    /// Whether documents are canonicalized with RDFC-1.0 (JSON-LD) rather than JCS.
    package var usesRDFC: Bool { self != .eddsaJCS2022 && self != .ecdsaJCS2019 }

    /// The suite that a proof names by its `type` and `cryptosuite` members, or `nil`.
    package init?(type: String, cryptosuite: String?) {
        if type == DataIntegrityProof.type {
            guard let cryptosuite, let suite = Self(rawValue: cryptosuite), !suite.isLegacyProofType else { return nil }
            self = suite
        } else {
            guard cryptosuite == nil, let suite = Self(rawValue: type), suite.isLegacyProofType else { return nil }
            self = suite
        }
    }

    /// The JCS transformation algorithm: the JCS form of the document without its `proof`.
    package func transform(_ unsecuredDocument: JSONObject) -> [UInt8] {
        var document = unsecuredDocument
        document.removeValue(forKey: "proof")
        return JCS.canonicalize(.object(document))
    }

    /// The suite's transformation algorithm: the JCS form or the RDFC-1.0 canonical N-Quads of
    /// the document as given (a `proof` it holds is kept: the previous proofs of a proof chain).
    /// - Parameters:
    ///   - unsecuredDocument: the document.
    ///   - canonicalForm: the contexts the RDFC suites read JSON-LD with.
    /// - Throws: `CredentialsError` `droppedTerm`, `unknownContext` or `invalidJSONLD` (RDFC).
    package func transformDocument(_ unsecuredDocument: JSONObject, canonicalForm: RDFCanonicalForm = .bundled) throws -> [UInt8] {
        usesRDFC ? try canonicalForm.nQuads(of: unsecuredDocument) : JCS.canonicalize(.object(unsecuredDocument))
    }

    /// The proof configuration algorithm: the canonical form (JCS or RDFC) of the proof
    /// options without `proofValue` or `jws`.
    /// - Throws: `CredentialsError.invalidProof` if the options name another type or
    ///   cryptosuite; for RDFC suites as ``transformDocument(_:)``.
    package func configure(_ proofOptions: JSONObject, canonicalForm: RDFCanonicalForm = .bundled) throws -> [UInt8] {
        guard proofOptions["type"]?.stringValue == proofType,
              proofOptions["cryptosuite"]?.stringValue == (isLegacyProofType ? nil : rawValue) else {
            let named = isLegacyProofType ? "type \(proofType) and no cryptosuite" : "type DataIntegrityProof and cryptosuite \(rawValue)"
            throw CredentialsError.invalidProof("The proof options must have \(named).")
        }
        var options = proofOptions
        options.removeValue(forKey: "proofValue")
        options.removeValue(forKey: "jws")
        return usesRDFC ? try canonicalForm.proofConfiguration(options) : JCS.canonicalize(.object(options))
    }

    /// The hashing algorithm: `SHA-256(proofConfig) ‖ SHA-256(transformedDocument)`, 64 bytes.
    package func hashData(transformedDocument: [UInt8], proofConfig: [UInt8]) -> [UInt8] {
        Hash.sha256(proofConfig) + Hash.sha256(transformedDocument)
    }

    /// The hashing algorithm with the digest a key asks for: SHA-384 for `ecdsa-rdfc-2019`
    /// over P-384 (96 bytes), SHA-256 otherwise.
    package func hashData(transformedDocument: [UInt8], proofConfig: [UInt8], digest: CanonicalizationHashAlgorithm) -> [UInt8] {
        digest.digest(proofConfig) + digest.digest(transformedDocument)
    }
}
