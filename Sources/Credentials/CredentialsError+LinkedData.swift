internal import LinkedData

extension CredentialsError.Code {
    /// A member of a JSON-LD credential or proof that its contexts do not define (or a type or
    /// identifier that is no absolute IRI): JSON-LD would drop it from the RDF form an RDFC
    /// proof signs, so a claim would go unsigned. The reason names the first such term.
    public static let droppedTerm = Self("droppedTerm")
    /// A JSON-LD credential or proof naming a context outside the bundled set (and the
    /// operator's pinned contexts); contexts are never loaded from the network. The reason
    /// names the context URL.
    public static let unknownContext = Self("unknownContext")
    /// A JSON-LD document the JSON-LD 1.1 algorithms reject, or whose canonicalization needs
    /// more work than RDFC-1.0's limits allow (a poison graph).
    public static let invalidJSONLD = Self("invalidJSONLD")
    /// An operator's context pins file, or a file it pins, that cannot be used
    /// (``LinkedDataContexts/init(pinsFile:)``); the reason names the file and entry.
    public static let invalidContextPins = Self("invalidContextPins")
}

extension CredentialsError {
    /// The `LinkedData` failure of an RDFC transformation, as this module's error.
    init(linkedData error: LinkedDataError, file: String = #fileID, line: Int = #line) {
        switch error.code {
        case .droppedTerm:
            self.init(.droppedTerm, "The term '\(error.context ?? "")' is not defined by the credential's contexts: JSON-LD would drop it from the signed RDF form, so the claim would not be covered by the proof.",
                      file: file, line: line)
        case .unknownContext:
            self.init(.unknownContext, "The context \(error.context ?? "") is not one this verifier holds (the bundled set and any pinned by the operator); contexts are never loaded from the network.",
                      file: file, line: line)
        default:
            self.init(.invalidJSONLD, error.reason, file: file, line: line)
        }
    }
}
