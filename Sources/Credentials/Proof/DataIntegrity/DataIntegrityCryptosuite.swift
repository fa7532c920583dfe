package import Primitives

/// A Data Integrity cryptosuite that canonicalizes with JCS (RFC 8785): `eddsa-jcs-2022` of
/// W3C vc-di-eddsa §3.3 and `ecdsa-jcs-2019` of W3C vc-di-ecdsa (P-256 only).
public enum DataIntegrityCryptosuite: String, Sendable, Hashable, CaseIterable {
    /// Ed25519 signatures over JCS-canonicalized documents.
    case eddsaJCS2022 = "eddsa-jcs-2022"
    /// ECDSA P-256 / SHA-256 signatures over JCS-canonicalized documents.
    case ecdsaJCS2019 = "ecdsa-jcs-2019"

    /// The transformation algorithm: the JCS form of the document without its `proof`.
    package func transform(_ unsecuredDocument: JSONObject) -> [UInt8] {
        var document = unsecuredDocument
        document.removeValue(forKey: "proof")
        return JCS.canonicalize(.object(document))
    }

    /// The proof configuration algorithm: the JCS form of the proof options without `proofValue`.
    /// - Throws: `CredentialsError.invalidProof` if the options name another type or cryptosuite.
    package func configure(_ proofOptions: JSONObject) throws -> [UInt8] {
        guard proofOptions["type"]?.stringValue == DataIntegrityProof.type,
              proofOptions["cryptosuite"]?.stringValue == rawValue else {
            throw CredentialsError.invalidProof("The proof options must have type DataIntegrityProof and cryptosuite \(rawValue).")
        }
        var options = proofOptions
        options.removeValue(forKey: "proofValue")
        return JCS.canonicalize(.object(options))
    }

    /// The hashing algorithm: `SHA-256(proofConfig) ‖ SHA-256(transformedDocument)`, 64 bytes.
    package func hashData(transformedDocument: [UInt8], proofConfig: [UInt8]) -> [UInt8] {
        Hash.sha256(proofConfig) + Hash.sha256(transformedDocument)
    }
}
