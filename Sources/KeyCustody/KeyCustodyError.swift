public import Primitives

/// The one error type of the `KeyCustody` module: unknown or locked keys, wrong PINs or
/// passwords, unreachable backends, corrupted shares.
///
/// Equality compares ``code`` only. Reasons never contain key material, PINs or passwords.
public struct KeyCustodyError: CodedError, Sendable {
    /// The kind of failure; extensible by adding `static let`s.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable, machine-readable name.
        public let name: String
        package init(_ name: String) { self.name = name }
        public var description: String { name }

        /// No key with that reference in this custodian.
        public static let keyNotFound = Code("keyNotFound")
        /// The PIN or password was refused.
        public static let authenticationFailed = Code("authenticationFailed")
        /// Too many failed attempts; retry after the back-off.
        public static let lockedOut = Code("lockedOut")
        /// The module, token, vault node or file could not be reached or loaded.
        public static let backendUnavailable = Code("backendUnavailable")
        /// The backend answered with an error or with data that fails its checks.
        public static let backendFailure = Code("backendFailure")
        /// Input outside what the operation accepts.
        public static let invalidInput = Code("invalidInput")
        /// A key of a type the operation or the custody backend does not handle (an SM2 key
        /// asked for an ECDSA signature, or SM2 asked of a PKCS#11 token).
        public static let unsupportedKeyType = Code("unsupportedKeyType")
        /// A vault request already received, issued too long ago or before the node started
        /// (`specs/custody-vault.md` §9.3).
        public static let replayed = Code("replayed")
    }

    /// The kind of failure.
    public let code: Code
    /// One human sentence: what was wrong and what to do.
    public let reason: String
    /// Where the error was raised.
    public let location: String
    /// For ``Code/lockedOut``: how long until another attempt is accepted, when known.
    public let retryAfter: Duration?

    package init(_ code: Code, _ reason: String, retryAfter: Duration? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.retryAfter = retryAfter
        self.location = "\(file):\(line)"
    }

}
