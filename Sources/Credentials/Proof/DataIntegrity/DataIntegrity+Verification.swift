public import Primitives

extension DataIntegrity {
    /// Checks the proof of a secured document made with an Ed25519 key: `eddsa-jcs-2022`,
    /// `eddsa-rdfc-2022`, `Ed25519Signature2020` or `Ed25519Signature2018`.
    /// - Parameters:
    ///   - securedDocument: A JSON object with one `proof` object.
    ///   - publicKey: The key named by the proof's verification method.
    /// - Returns: `.valid`, or `.invalid(reason:)` when the proof does not hold.
    /// - Throws: `CredentialsError.invalidProof` when the document or proof cannot be read;
    ///   for the RDFC suites `droppedTerm` or `unknownContext` naming the term or context that
    ///   keeps the document from its canonical form.
    public static func verify(securedDocument: JSONValue, publicKey: Ed25519PublicKey) throws -> DataIntegrityVerification {
        try verify(securedDocument: securedDocument, key: .ed25519(publicKey))
    }

    /// Checks the `ecdsa-jcs-2019` or `ecdsa-rdfc-2019` proof (P-256) of a secured document.
    /// - Parameters:
    ///   - securedDocument: A JSON object with one `proof` object.
    ///   - publicKey: The key named by the proof's verification method.
    /// - Returns: `.valid`, or `.invalid(reason:)` when the proof does not hold.
    /// - Throws: As ``verify(securedDocument:publicKey:)-(_,Ed25519PublicKey)``.
    public static func verify(securedDocument: JSONValue, publicKey: P256PublicKey) throws -> DataIntegrityVerification {
        try verify(securedDocument: securedDocument, key: .p256(publicKey))
    }

    /// Checks the `ecdsa-rdfc-2019` proof (P-384, hashed with SHA-384) of a secured document.
    /// - Parameters:
    ///   - securedDocument: A JSON object with one `proof` object.
    ///   - publicKey: The key named by the proof's verification method.
    /// - Returns: `.valid`, or `.invalid(reason:)` when the proof does not hold.
    /// - Throws: As ``verify(securedDocument:publicKey:)-(_,Ed25519PublicKey)``.
    public static func verify(securedDocument: JSONValue, publicKey: P384PublicKey) throws -> DataIntegrityVerification {
        try verify(securedDocument: securedDocument, key: .p384(publicKey))
    }

    package static func verify(securedDocument: JSONValue, key: DataIntegrityVerificationKey) throws -> DataIntegrityVerification {
        guard case .object(var unsecured) = securedDocument else {
            throw CredentialsError.invalidProof("The secured document must be a JSON object.")
        }
        guard case .object(let proof)? = unsecured.removeValue(forKey: "proof") else {
            throw CredentialsError.invalidProof("The document has no single proof object; check a proof set proof by proof.")
        }
        return try verify(proof: proof, over: unsecured, key: key)
    }

    /// Checks one proof (W3C VC Data Integrity §4.3, with each suite's transformation,
    /// configuration and hashing).
    /// - Parameters:
    ///   - proofObject: The proof as written, with `proofValue` (or `jws`).
    ///   - unsecured: The document the proof was made over: without its proofs, or for a proof
    ///     of a chain with the previous proofs it names (``input(for:unsecured:allProofs:)``).
    ///   - key: The key of the proof's verification method.
    ///   - canonicalForm: the contexts the RDFC suites read JSON-LD with.
    /// - Returns: `.valid`, or why the proof does not hold.
    /// - Throws: `CredentialsError` when the proof cannot be read or the document has no
    ///   canonical form.
    package static func verify(proof proofObject: JSONObject, over unsecured: JSONObject, key: DataIntegrityVerificationKey,
                               canonicalForm: RDFCanonicalForm = .bundled) throws -> DataIntegrityVerification {
        let proof = try DataIntegrityProof(parsing: proofObject)
        let suite = proof.options.cryptosuite
        let jws = suite == .ed25519Signature2018 ? try DetachedJWS(parsing: proof.proofValue) : nil
        let signature = try jws?.signature ?? proof.signatureBytes()
        guard key.verifies(suite) else { return .invalid(reason: .keyDoesNotMatchCryptosuite) }
        guard signature.count == key.signatureLength else {
            throw CredentialsError.invalidProof("The signature must be \(key.signatureLength) bytes, not \(signature.count).")
        }
        var options = proofObject
        options.removeValue(forKey: "proofValue")
        options.removeValue(forKey: "jws")
        var document = unsecured
        if let context = options["@context"] {
            guard isContext(context, prefixOf: unsecured["@context"]) else { return .invalid(reason: .contextMismatch) }
            document["@context"] = context
        } else if suite.usesRDFC, let context = unsecured["@context"] {
            // The RDFC suites' proof configuration takes the document's @context (vc-di-eddsa
            // §3.2.5), and the legacy suites' signers add it the same way.
            options["@context"] = context
        }
        // The raw proof object is hashed, not `proof.options`, so members this type does not
        // model (`id`, `previousProof`, `nonce`) stay covered by the signature.
        let hashData = suite.hashData(transformedDocument: try suite.transformDocument(document, canonicalForm: canonicalForm),
                                      proofConfig: try suite.configure(options, canonicalForm: canonicalForm), digest: key.digest)
        let message = jws?.signingInput(payload: hashData) ?? hashData
        return key.isValidSignature(signature, for: message) ? .valid : .invalid(reason: .signatureMismatch)
    }
}
