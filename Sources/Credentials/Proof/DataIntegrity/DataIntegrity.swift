public import Primitives
internal import DID

/// Signs and verifies documents with the Data Integrity cryptosuites: `eddsa-jcs-2022` and
/// `eddsa-rdfc-2022` (W3C vc-di-eddsa §3), `ecdsa-jcs-2019` and `ecdsa-rdfc-2019` (W3C
/// vc-di-ecdsa; P-256, and P-384 for verification), and the legacy `Ed25519Signature2020`
/// (signed and verified) and `Ed25519Signature2018` (verified).
///
/// ```swift
/// let options = DataIntegrityProof.Options(cryptosuite: .eddsaRDFC2022, created: "2023-02-24T23:36:38Z",
///                                          verificationMethod: didKey.verificationMethodID.description)
/// let signed = try DataIntegrity.sign(document: credential, options: options, key: privateKey)
/// try DataIntegrity.verify(securedDocument: signed, publicKey: privateKey.publicKey)   // .valid
/// ```
/// The RDFC suites read the document as JSON-LD with the bundled contexts only: a document
/// naming another context, or one of whose members its contexts do not define, is refused
/// (`unknownContext`, `droppedTerm`) rather than signed or verified without that member.
public enum DataIntegrity {
    /// Adds an Ed25519 proof to a document: `eddsa-jcs-2022`, `eddsa-rdfc-2022` or
    /// `Ed25519Signature2020`, as the options say. Ed25519 is deterministic, so the same
    /// document and options always give the same proof.
    /// - Parameters:
    ///   - document: The unsecured document, a JSON object without `proof`.
    ///   - options: The proof options; their cryptosuite must be one Ed25519 signs.
    ///   - key: The signing key.
    /// - Returns: The document with its `proof` member.
    /// - Throws: `CredentialsError.invalidProof` if the document is not an object, already has
    ///   a proof, or the options do not fit the document or key; for the RDFC suites
    ///   `droppedTerm` or `unknownContext` naming what keeps the document from its canonical form.
    public static func sign(document: JSONValue, options: DataIntegrityProof.Options, key: Ed25519PrivateKey) throws -> JSONValue {
        try sign(document: document, options: options, key: .ed25519(key))
    }

    /// Adds an `ecdsa-jcs-2019` or `ecdsa-rdfc-2019` proof (P-256) to a document.
    /// - Parameters:
    ///   - document: The unsecured document, a JSON object without `proof`.
    ///   - options: The proof options; their cryptosuite must be `ecdsa-jcs-2019` or `ecdsa-rdfc-2019`.
    ///   - key: The signing key.
    /// - Returns: The document with its `proof` member.
    /// - Throws: As ``sign(document:options:key:)-(_,_,Ed25519PrivateKey)``.
    public static func sign(document: JSONValue, options: DataIntegrityProof.Options, key: P256PrivateKey) throws -> JSONValue {
        try sign(document: document, options: options, key: .p256(key))
    }

    package static func sign(document: JSONValue, options: DataIntegrityProof.Options, key: DataIntegritySigningKey,
                             canonicalForm: RDFCanonicalForm = .bundled) throws -> JSONValue {
        guard key.signs(options.cryptosuite) else {
            throw CredentialsError.invalidProof("An \(key.algorithm) key cannot sign a \(options.cryptosuite.rawValue) proof.")
        }
        let input = try signingInput(document: document, options: options, canonicalForm: canonicalForm)
        return attach(signature: try key.signature(for: input.hashData), to: input)
    }

    /// Signs through a ``CredentialSigner`` (a custodian or an in-memory key): Ed25519 keys
    /// sign `eddsa-jcs-2022`, `eddsa-rdfc-2022` and `Ed25519Signature2020`, P-256 keys
    /// `ecdsa-jcs-2019` and `ecdsa-rdfc-2019` (ES256 signs SHA-256 of `hashData`, which is what
    /// those suites ask).
    /// - Throws: `invalidProof` for a secp256k1 or SM2 signer or a malformed document; the signer's
    ///   own error when it cannot sign.
    package static func sign(document: JSONValue, options: DataIntegrityProof.Options, signer: any CredentialSigner) async throws -> JSONValue {
        let suites: Set<DataIntegrityCryptosuite>
        switch signer.publicKey {
        case .ed25519: suites = [.eddsaJCS2022, .eddsaRDFC2022, .ed25519Signature2020]
        case .p256: suites = [.ecdsaJCS2019, .ecdsaRDFC2019]
        case .p384: throw CredentialsError.invalidProof("Chancery verifies P-384 Data Integrity proofs but does not sign them; sign with an Ed25519 or P-256 key.")
        case .secp256k1: throw CredentialsError.invalidProof("Data Integrity suites sign with Ed25519 or P-256 keys, not secp256k1; issue a JWT instead.")
        case .sm2: throw CredentialsError.invalidProof("Data Integrity suites sign with Ed25519 or P-256 keys, not SM2; issue a JWT (SM2SM3) instead.")
        }
        guard suites.contains(options.cryptosuite) else {
            throw CredentialsError.invalidProof("A \(signer.publicKey.jwsAlgorithm) key cannot sign a \(options.cryptosuite.rawValue) proof.")
        }
        let input = try signingInput(document: document, options: options)
        return attach(signature: try await signer.sign(input.hashData), to: input)
    }

    /// The document without proof, the completed options and the `hashData` to sign.
    private static func signingInput(document: JSONValue, options: DataIntegrityProof.Options, canonicalForm: RDFCanonicalForm = .bundled) throws
        -> (unsecured: JSONObject, options: DataIntegrityProof.Options, hashData: [UInt8]) {
        guard case .object(let unsecured) = document else {
            throw CredentialsError.invalidProof("The document to sign must be a JSON object.")
        }
        guard unsecured["proof"] == nil else {
            throw CredentialsError.invalidProof("The document already has a proof; proof sets and chains are not supported.")
        }
        var options = options
        // The JCS suites sign the proof's @context so that it cannot be swapped after signing.
        if options.context == nil, !options.cryptosuite.usesRDFC { options.context = unsecured["@context"] }
        var document = unsecured
        if let context = options.context {
            guard isContext(context, prefixOf: unsecured["@context"]) else {
                throw CredentialsError.invalidProof("The proof @context must be a prefix of the document's @context.")
            }
            document["@context"] = context
        }
        let suite = options.cryptosuite
        guard suite != .ed25519Signature2018 else {
            throw CredentialsError.invalidProof("Ed25519Signature2018 proofs are verified, not made; sign with eddsa-rdfc-2022.")
        }
        // The RDFC suites' proof configuration takes the document's @context without writing
        // it into the proof (vc-di-eddsa §3.2.5).
        var configuration = options.configuration
        if configuration["@context"] == nil, let context = unsecured["@context"] { configuration["@context"] = context }
        let hashData = suite.hashData(
            transformedDocument: try suite.transformDocument(document, canonicalForm: canonicalForm),
            proofConfig: try suite.configure(configuration, canonicalForm: canonicalForm))
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
