public import Primitives

/// Supplies the documents of context URLs named by JSON-LD documents. Implementations never
/// reach the network: an unknown URL is refused with ``LinkedDataError`` `unknownContext`.
///
/// ``BundledContextLoader`` is the default; a loader over an operator's directory of pinned
/// context files can wrap it.
public protocol ContextLoader: Sendable {
    /// The context document at `url`.
    /// - Parameter url: An absolute URL, as resolved from the referencing document.
    /// - Returns: The document and the URL it was loaded from (the base of its relative IRIs).
    /// - Throws: ``LinkedDataError`` `unknownContext` for a URL outside the loader's set.
    func loadContext(_ url: String) throws -> RemoteContext
}

/// A loaded context document.
public struct RemoteContext: Sendable {
    /// The URL of the document (after any redirection), the base of its relative references.
    public let documentURL: String
    /// The parsed document; its `@context` member is the context.
    public let document: JSONValue

    /// Creates a loaded context document.
    /// - Parameters:
    ///   - documentURL: The URL of the document.
    ///   - document: The parsed document.
    public init(documentURL: String, document: JSONValue) {
        self.documentURL = documentURL
        self.document = document
    }
}
