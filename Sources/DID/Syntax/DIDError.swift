public import Primitives

/// The one error type of the `DID` module. Its codes include the error names of W3C DID
/// Resolution (§ "DID Resolution Metadata"), so a failed resolution can carry them unchanged.
///
/// Equality compares ``code`` only, so tests match the kind of failure:
/// ```swift
/// #expect(throws: DIDError(.invalidDid)) { try DID(parsing: "did:Example:1") }
/// ```
public struct DIDError: CodedError, Sendable {
    /// The kind of failure; extensible by adding `static let`s.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable name, as written in `didResolutionMetadata.error`.
        public let name: String
        package init(_ name: String) { self.name = name }
        /// The stable name.
        public var description: String { name }

        /// The error's `type` URL in W3C DID Resolution (§ "Errors"): the upper-case name under
        /// `https://www.w3.org/ns/did#`, e.g. `https://www.w3.org/ns/did#INVALID_DID`.
        public var typeURL: String {
            let specName = self == .invalidDocument ? "INVALID_DID_DOCUMENT" : name.reduce(into: "") { out, character in
                if character.isUppercase { out += "_" }
                out += character.uppercased()
            }
            return "https://www.w3.org/ns/did#" + specName
        }

        /// Text that is not a DID per DID Core §3.1.
        public static let invalidDid = Code("invalidDid")
        /// Text that is not a DID URL per DID Core §3.2, or a malformed DID parameter.
        public static let invalidDidUrl = Code("invalidDidUrl")
        /// The DID or the resource it points to does not exist.
        public static let notFound = Code("notFound")
        /// No resolver handles the DID's method.
        public static let methodNotSupported = Code("methodNotSupported")
        /// The requested media type is not one this resolver produces.
        public static let representationNotSupported = Code("representationNotSupported")
        /// The DID has been deactivated.
        public static let deactivated = Code("deactivated")
        /// A DID document that breaks the DID Core data model.
        public static let invalidDocument = Code("invalidDocument")
        /// The caller may not perform the operation.
        public static let unauthorized = Code("unauthorized")
        /// Key material that is malformed or not a point of its curve.
        public static let invalidPublicKey = Code("invalidPublicKey")
        /// Key material of a type this module does not handle.
        public static let unsupportedPublicKeyType = Code("unsupportedPublicKeyType")
        /// A resolver failed for a reason unrelated to the input.
        public static let internalError = Code("internalError")
    }

    /// The kind of failure.
    public let code: Code
    /// One human sentence: what was wrong.
    public let reason: String
    /// Where the error was raised.
    public let location: String

    /// Makes an error of a kind without a specific reason, for matching in tests and `catch`es.
    /// - Parameter code: the kind of failure.
    public init(_ code: Code) {
        self.init(code, "\(code.name).")
    }

    package init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.location = "\(file):\(line)"
    }


    package static func invalidDID(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidDid, reason, file: file, line: line)
    }
    package static func invalidDIDURL(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidDidUrl, reason, file: file, line: line)
    }
    package static func invalidDocument(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidDocument, reason, file: file, line: line)
    }
    package static func invalidPublicKey(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidPublicKey, reason, file: file, line: line)
    }
    package static func unsupportedPublicKeyType(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.unsupportedPublicKeyType, reason, file: file, line: line)
    }
}
