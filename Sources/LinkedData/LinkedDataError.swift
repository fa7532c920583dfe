public import Primitives

/// The one error type of the `LinkedData` module: malformed N-Quads, JSON-LD documents the
/// JSON-LD 1.1 algorithms reject, contexts outside the loader's set, terms dropped by expansion
/// and canonicalization work beyond its limits.
///
/// Equality compares ``code`` only, so tests match the kind of failure:
/// ```swift
/// #expect(throws: LinkedDataError.unknownContext("")) { try processor.expand(document) }
/// ```
public struct LinkedDataError: CodedError, Sendable {
    /// The kind of failure. New kinds are added as `static let`s, so the set can grow without
    /// breaking `switch`es in client code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable, machine-readable name such as `unknownContext`.
        public let name: String
        package init(_ name: String) { self.name = name }
        /// The stable name of this code.
        public var description: String { name }

        /// Text that is not N-Quads (RDF 1.1 N-Quads grammar).
        public static let invalidNQuads = Code("invalidNQuads")
        /// A JSON-LD document, context or option the JSON-LD 1.1 algorithms reject; the
        /// specification's error code is in ``LinkedDataError/jsonLDErrorCode``.
        public static let invalidJSONLD = Code("invalidJSONLD")
        /// A context URL outside the loader's set; ``LinkedDataError/context`` holds the URL.
        public static let unknownContext = Code("unknownContext")
        /// A member of the input that expanded to nothing (not a keyword, not a term, no
        /// `@vocab`), or a type or identifier that expanded to no absolute IRI, so JSON-LD drops
        /// it from the RDF form; ``LinkedDataError/context`` holds the member name or value.
        public static let droppedTerm = Code("droppedTerm")
        /// A context file of an operator's directory that cannot be read, is not JSON or does
        /// not have its pinned SHA-256; ``LinkedDataError/context`` holds the context URL.
        public static let invalidContextFile = Code("invalidContextFile")
        /// Canonicalization gave up: the dataset needs more work than the limits allow (a
        /// poison graph, RDFC-1.0 section 4.4).
        public static let workLimitExceeded = Code("workLimitExceeded")
    }

    /// The kind of failure.
    public let code: Code
    /// One human sentence saying what was wrong.
    public let reason: String
    /// The JSON-LD 1.1 API error code (such as `invalid IRI mapping`) when ``code`` is
    /// ``Code/invalidJSONLD`` or ``Code/unknownContext`` (`loading remote context failed`).
    public let jsonLDErrorCode: String?
    /// The subject of the failure: the context URL, the dropped member name, or `nil`.
    public let context: String?
    /// Where the error was raised, for diagnostics.
    public let location: String

    package init(_ code: Code, _ reason: String, jsonLDErrorCode: String? = nil, context: String? = nil,
                 file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.jsonLDErrorCode = jsonLDErrorCode
        self.context = context
        self.location = "\(file):\(line)"
    }

    package static func invalidNQuads(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidNQuads, reason, file: file, line: line)
    }
    /// A JSON-LD error with the specification's code (`JsonLdErrorCode`).
    package static func jsonLD(_ errorCode: String, _ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidJSONLD, "\(errorCode): \(reason)", jsonLDErrorCode: errorCode, file: file, line: line)
    }
    /// A context URL outside the loader's set.
    package static func unknownContext(_ url: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.unknownContext, "The context \(url) is not in the bundled set; contexts are never loaded from the network.",
             jsonLDErrorCode: "loading remote context failed", context: url, file: file, line: line)
    }
    /// A member of the input that expanded to nothing.
    package static func droppedTerm(_ term: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.droppedTerm, "'\(term)' is not defined by the document's contexts (or is not an absolute IRI) and would be dropped from the RDF form.",
             context: term, file: file, line: line)
    }
    package static func invalidContextFile(_ url: String, _ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidContextFile, reason, context: url, file: file, line: line)
    }
    package static func workLimitExceeded(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.workLimitExceeded, reason, file: file, line: line)
    }
}
