public import Primitives

/// A Data Integrity `proof` object (W3C VC Data Integrity §2.1): a `DataIntegrityProof` of a
/// JCS or RDFC cryptosuite, or one of the legacy types `Ed25519Signature2020` and
/// `Ed25519Signature2018`.
public struct DataIntegrityProof: Sendable, Hashable {
    /// The proof `type` of the cryptosuites (legacy suites are named by their own type).
    public static let type = "DataIntegrityProof"

    /// Every member of the proof except `proofValue`.
    public var options: Options
    /// The signature, multibase base58btc (`z…`); for `Ed25519Signature2018`, the detached JWS
    /// of the `jws` member.
    public var proofValue: String

    /// Makes a proof from its options and value.
    /// - Parameters:
    ///   - options: Every member except `proofValue`.
    ///   - proofValue: The multibase base58btc signature (the detached JWS for `Ed25519Signature2018`).
    public init(options: Options, proofValue: String) {
        self.options = options
        self.proofValue = proofValue
    }

    /// The proof as a JSON object, members in the order of the W3C examples.
    public var json: JSONValue {
        var object = options.configuration
        object[options.cryptosuite == .ed25519Signature2018 ? "jws" : "proofValue"] = .string(proofValue)
        return .object(object)
    }

    /// The signature bytes of ``proofValue``.
    /// - Throws: `CredentialsError.invalidProof` if it is not multibase base58btc.
    package func signatureBytes() throws -> [UInt8] {
        do { return try Multibase.decode(proofValue, expecting: .base58BTC) } catch {
            throw CredentialsError.invalidProof("The proofValue is not multibase base58btc (a 'z' followed by base58 digits).")
        }
    }
}
