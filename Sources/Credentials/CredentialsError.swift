public import Primitives

/// The one error type of the `Credentials` module: schemas, status lists and entries that
/// cannot be parsed or do not meet their specification.
///
/// Equality compares ``code`` only, so tests match the kind of failure.
public struct CredentialsError: CodedError, Sendable {
    /// The kind of failure; extensible by adding `static let`s.
    public struct Code: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The stable name of the failure.
        public let name: String
        package init(_ name: String) { self.name = name }
        /// The stable name of the failure.
        public var description: String { name }

        /// A credential schema is malformed, uses an unsupported keyword or format, or exceeds
        /// the schema limits.
        public static let invalidSchema = Code("invalidSchema")
        /// A credential schema offered for registration holds a `pattern` whose structure
        /// backtracks catastrophically (a quantified group holding a quantifier, such as
        /// `(a+)+`, or a repeated alternation whose branches start alike, such as `(a|aa)+`).
        public static let backtrackingPattern = Code("backtrackingPattern")
        /// A bitstring status list that cannot be decoded, is too short or too long, or was
        /// addressed outside its range.
        public static let invalidStatusList = Code("invalidStatusList")
        /// A `credentialStatus` entry with a missing or malformed member.
        public static let invalidStatusEntry = Code("invalidStatusEntry")
        /// A Data Integrity proof, or the document or key it is made with, that is malformed
        /// or uses an unsupported cryptosuite.
        public static let invalidProof = Code("invalidProof")
        /// A check that reads the chain (schemas, accreditations, status lists, anchors) asked
        /// a registry that has no chain behind it (``ChainlessCredentialRegistry``).
        public static let needsChain = Code("needsChain")
    }

    /// The kind of failure.
    public let code: Code
    /// One human sentence: what was wrong and what to do.
    public let reason: String
    /// Where the error was raised.
    public let location: String

    package init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.location = "\(file):\(line)"
    }


    package static func invalidSchema(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidSchema, reason, file: file, line: line)
    }
    package static func invalidStatusList(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidStatusList, reason, file: file, line: line)
    }
    package static func invalidStatusEntry(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidStatusEntry, reason, file: file, line: line)
    }
    package static func invalidProof(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidProof, reason, file: file, line: line)
    }
}
