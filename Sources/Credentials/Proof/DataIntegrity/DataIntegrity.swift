public import Primitives
internal import DID

/// Signs and verifies documents with the JCS Data Integrity cryptosuites `eddsa-jcs-2022`
/// (W3C vc-di-eddsa §3.3) and `ecdsa-jcs-2019` (W3C vc-di-ecdsa, P-256).
public enum DataIntegrity {
    /// Adds an `eddsa-jcs-2022` proof to a document.
    /// - Parameters:
    ///   - document: The unsecured document, a JSON object without `proof`.
    ///   - options: The proof options; their cryptosuite must be `eddsa-jcs-2022`.
    ///   - key: The signing key.
    /// - Returns: The document with its `proof` member.
    /// - Throws: `CredentialsError.invalidProof` if the document is not an object, already has
    ///   a proof, or the options do not fit the document or key.
    public static func sign(document: JSONValue, options: DataIntegrityProof.Options, key: Ed25519PrivateKey) throws -> JSONValue {
        try sign(document: document, options: options, key: .ed25519(key))
    }

    /// Adds an `ecdsa-jcs-2019` proof (P-256) to a document.
    /// - Parameters:
    ///   - document: The unsecured document, a JSON object without `proof`.
    ///   - options: The proof options; their cryptosuite must be `ecdsa-jcs-2019`.
    ///   - key: The signing key.
    /// - Returns: The document with its `proof` member.
    /// - Throws: `CredentialsError.invalidProof` if the document is not an object, already has
    ///   a proof, or the options do not fit the document or key.
    public static func sign(document: JSONValue, options: DataIntegrityProof.Options, key: P256PrivateKey) throws -> JSONValue {
        try sign(document: document, options: options, key: .p256(key))
    }

    package static func sign(document: JSONValue, options: DataIntegrityProof.Options, key: DataIntegritySigningKey) throws -> JSONValue {
        guard key.cryptosuite == options.cryptosuite else {
            throw CredentialsError.invalidProof("A \(key.cryptosuite.rawValue) key cannot sign a \(options.cryptosuite.rawValue) proof.")
        }
        let input = try signingInput(document: document, options: options)
        return attach(signature: try key.signature(for: input.hashData), to: input)
    }

    /// Signs through a ``CredentialSigner`` (a custodian or an in-memory key): Ed25519 keys
    /// sign `eddsa-jcs-2022`, P-256 keys `ecdsa-jcs-2019` (ES256 signs SHA-256 of `hashData`,
    /// which is what that suite asks).
    /// - Throws: `invalidProof` for a secp256k1 or SM2 signer or a malformed document; the signer's
    ///   own error when it cannot sign.
    package static func sign(document: JSONValue, options: DataIntegrityProof.Options, signer: any CredentialSigner) async throws -> JSONValue {
        let suite: DataIntegrityCryptosuite
        switch signer.publicKey {
        case .ed25519: suite = .eddsaJCS2022
        case .p256: suite = .ecdsaJCS2019
        case .secp256k1: throw CredentialsError.invalidProof("Data Integrity JCS suites sign with Ed25519 or P-256 keys, not secp256k1; issue a JWT instead.")
        case .sm2: throw CredentialsError.invalidProof("Data Integrity JCS suites sign with Ed25519 or P-256 keys, not SM2; issue a JWT (SM2SM3) instead.")
        }
        guard suite == options.cryptosuite else {
            throw CredentialsError.invalidProof("A \(suite.rawValue) key cannot sign a \(options.cryptosuite.rawValue) proof.")
        }
        let input = try signingInput(document: document, options: options)
        return attach(signature: try await signer.sign(input.hashData), to: input)
    }

    /// The document without proof, the completed options and the `hashData` to sign.
    private static func signingInput(document: JSONValue, options: DataIntegrityProof.Options) throws
        -> (unsecured: JSONObject, options: DataIntegrityProof.Options, hashData: [UInt8]) {
        guard case .object(let unsecured) = document else {
            throw CredentialsError.invalidProof("The document to sign must be a JSON object.")
        }
        guard unsecured["proof"] == nil else {
            throw CredentialsError.invalidProof("The document already has a proof; proof sets and chains are not supported.")
        }
        var options = options
        // The JCS suites sign the proof's @context so that it cannot be swapped after signing.
        if options.context == nil { options.context = unsecured["@context"] }
        if let context = options.context, !isContext(context, prefixOf: unsecured["@context"]) {
            throw CredentialsError.invalidProof("The proof @context must be a prefix of the document's @context.")
        }
        let suite = options.cryptosuite
        let hashData = suite.hashData(
            transformedDocument: suite.transform(unsecured), proofConfig: try suite.configure(options.configuration))
        return (unsecured, options, hashData)
    }

    private static func attach(signature: [UInt8], to input: (unsecured: JSONObject, options: DataIntegrityProof.Options, hashData: [UInt8])) -> JSONValue {
        var document = input.unsecured
        document["proof"] = DataIntegrityProof(options: input.options, proofValue: Multibase.encode(signature, base: .base58BTC)).json
        return .object(document)
    }

    /// Whether `documentContext` starts with every entry of `proofContext`, in order.
    static func isContext(_ proofContext: JSONValue, prefixOf documentContext: JSONValue?) -> Bool {
        func entries(_ value: JSONValue) -> [JSONValue] { value.arrayValue ?? [value] }
        guard let documentContext else { return false }
        let expected = entries(proofContext)
        return entries(documentContext).starts(with: expected)
    }
}
