/// The one error type of the `Primitives` module: malformed encodings, invalid keys, failed
/// decryption and other conditions under which no result can be produced.
///
/// Equality compares ``code`` only, so tests can match the kind of failure:
/// ```swift
/// #expect(throws: PrimitivesError.invalidEncoding("")) { try Hex.decode("zz") }
/// ```
/// - Warning: `reason` never contains key material; callers must keep it that way.
public struct PrimitivesError: CodedError, Sendable {
    /// The kind of failure. New kinds are added as `static let`s, so the set can grow
    /// without breaking `switch`es in client code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable, machine-readable name such as `invalidEncoding`.
        public let name: String
        package init(_ name: String) { self.name = name }
        /// The stable name of this code.
        public var description: String { name }

        /// Bytes or text that are not a valid instance of the expected encoding.
        public static let invalidEncoding = Code("invalidEncoding")
        /// A key of the wrong length or off the curve, or a secret outside its range.
        public static let invalidKey = Code("invalidKey")
        /// A signature that cannot even be parsed (a wrong signature is a `false` verdict).
        public static let invalidSignature = Code("invalidSignature")
        /// Text that is not JSON, or JSON that is not I-JSON (duplicate keys, lone surrogates).
        public static let invalidJSON = Code("invalidJSON")
        /// Authenticated decryption or envelope opening failed.
        public static let decryptionFailed = Code("decryptionFailed")
        /// An input outside the limits of the operation (length, count, depth).
        public static let invalidInput = Code("invalidInput")
        /// The underlying C library reported a failure that should not happen.
        public static let libraryFailure = Code("libraryFailure")
    }

    /// The kind of failure.
    public let code: Code
    /// One human sentence saying what was wrong.
    public let reason: String
    /// Where the error was raised, for diagnostics.
    public let location: String

    package init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.location = "\(file):\(line)"
    }



    package static func invalidEncoding(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidEncoding, reason, file: file, line: line)
    }
    package static func invalidKey(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidKey, reason, file: file, line: line)
    }
    package static func invalidSignature(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidSignature, reason, file: file, line: line)
    }
    package static func invalidJSON(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidJSON, reason, file: file, line: line)
    }
    package static func decryptionFailed(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.decryptionFailed, reason, file: file, line: line)
    }
    package static func invalidInput(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidInput, reason, file: file, line: line)
    }
    package static func libraryFailure(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.libraryFailure, reason, file: file, line: line)
    }
}
