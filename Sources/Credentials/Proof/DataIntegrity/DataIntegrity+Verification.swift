public import Primitives

extension DataIntegrity {
    /// Checks the `eddsa-jcs-2022` proof of a secured document.
    /// - Parameters:
    ///   - securedDocument: A JSON object with one `proof` object.
    ///   - publicKey: The key named by the proof's verification method.
    /// - Returns: `.valid`, or `.invalid(reason:)` when the proof does not hold.
    /// - Throws: `CredentialsError.invalidProof` when the document or proof cannot be read.
    public static func verify(securedDocument: JSONValue, publicKey: Ed25519PublicKey) throws -> DataIntegrityVerification {
        try verify(securedDocument: securedDocument, key: .ed25519(publicKey))
    }

    /// Checks the `ecdsa-jcs-2019` (P-256) proof of a secured document.
    /// - Parameters:
    ///   - securedDocument: A JSON object with one `proof` object.
    ///   - publicKey: The key named by the proof's verification method.
    /// - Returns: `.valid`, or `.invalid(reason:)` when the proof does not hold.
    /// - Throws: `CredentialsError.invalidProof` when the document or proof cannot be read.
    public static func verify(securedDocument: JSONValue, publicKey: P256PublicKey) throws -> DataIntegrityVerification {
        try verify(securedDocument: securedDocument, key: .p256(publicKey))
    }

    package static func verify(securedDocument: JSONValue, key: DataIntegrityVerificationKey) throws -> DataIntegrityVerification {
        guard case .object(var unsecured) = securedDocument else {
            throw CredentialsError.invalidProof("The secured document must be a JSON object.")
        }
        guard case .object(var proofOptions)? = unsecured.removeValue(forKey: "proof") else {
            throw CredentialsError.invalidProof("The document has no single proof object; proof sets are not supported.")
        }
        let proof = try DataIntegrityProof(parsing: proofOptions)
        let signature = try proof.signatureBytes()
        guard signature.count == 64 else {
            throw CredentialsError.invalidProof("The proofValue must decode to a 64-byte signature, not \(signature.count) bytes.")
        }
        let suite = proof.options.cryptosuite
        guard key.cryptosuite == suite else { return .invalid(reason: .keyDoesNotMatchCryptosuite) }
        proofOptions.removeValue(forKey: "proofValue")
        if let context = proofOptions["@context"] {
            guard isContext(context, prefixOf: unsecured["@context"]) else { return .invalid(reason: .contextMismatch) }
            unsecured["@context"] = context
        }
        // The raw proof object is hashed, not `proof.options`, so members this type does not
        // model (`expires`, `id`, `nonce`) stay covered by the signature.
        let hashData = suite.hashData(
            transformedDocument: suite.transform(unsecured), proofConfig: try suite.configure(proofOptions))
        return key.isValidSignature(signature, for: hashData) ? .valid : .invalid(reason: .signatureMismatch)
    }
}
