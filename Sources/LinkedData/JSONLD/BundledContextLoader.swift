import Primitives

/// The default ``ContextLoader``: the read-only set of context documents compiled into the
/// module (VC 1.1 and 2.0 with their examples and VC 2.0's undefined-terms context, ODRL (which
/// the VC 1.1 examples include), Data Integrity v1/v2, Multikey, JWK, DID v1, security v1/v2
/// (which define Ed25519Signature2018), Ed25519Signature2020, JsonWebSignature2020 and the
/// status list contexts),
/// parsed once per process. Any other URL is refused with ``LinkedDataError`` `unknownContext`.
public struct BundledContextLoader: ContextLoader {
    /// Creates the loader; all instances share the documents parsed once.
    public init() {}

    /// The URLs of the bundled set.
    public static var urls: [String] { BundledContexts.documents.map(\.url) }

    private static let parsed: [String: RemoteContext] = {
        var documents: [String: RemoteContext] = [:]
        for entry in BundledContexts.documents {
            // The texts are fixed at build time and tested to parse; a failure is a build defect.
            guard let document = try? JSONValue(parsing: entry.text) else {
                preconditionFailure("The bundled context \(entry.url) is not JSON.")
            }
            documents[entry.url] = RemoteContext(documentURL: entry.url, document: document)
        }
        return documents
    }()

    /// The bundled document of `url`.
    /// - Parameter url: The context URL.
    /// - Returns: The parsed document.
    /// - Throws: ``LinkedDataError`` `unknownContext` if `url` is not bundled.
    public func loadContext(_ url: String) throws -> RemoteContext {
        guard let context = Self.parsed[url] else { throw LinkedDataError.unknownContext(url) }
        return context
    }
}
