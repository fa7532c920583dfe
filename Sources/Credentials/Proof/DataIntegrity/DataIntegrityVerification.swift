/// The outcome of checking a Data Integrity proof that could be parsed.
public enum DataIntegrityVerification: Sendable, Hashable {
    /// The proof was made over this document by the holder of the given key.
    case valid
    /// The proof does not hold, for the reason given.
    case invalid(reason: Reason)

    /// Whether the proof holds.
    public var isValid: Bool { self == .valid }

    /// Why a well-formed proof does not hold.
    public enum Reason: String, Sendable, Hashable {
        /// The signature does not verify: the document, the proof options or the key differ
        /// from those that were signed.
        case signatureMismatch
        /// The key is of another algorithm than the proof's cryptosuite.
        case keyDoesNotMatchCryptosuite
        /// The proof's `@context` is not a prefix of the document's `@context`.
        case contextMismatch
    }
}
