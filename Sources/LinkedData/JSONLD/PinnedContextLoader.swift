internal import Foundation
import Primitives

/// A ``ContextLoader`` that adds an operator's context files to another loader (the bundled
/// set by default): each file is named with its URL and its SHA-256 in configuration, read and
/// checked once when the loader is created, and served from memory afterwards. URLs it does not
/// pin go to the wrapped loader, so unknown contexts are still refused, never fetched.
public struct PinnedContextLoader: ContextLoader {
    /// One operator context: the URL documents name, the file that holds its document, and the
    /// SHA-256 of the file's bytes.
    public struct Pin: Sendable, Hashable {
        /// The context URL, exactly as documents name it.
        public let url: String
        /// The file's path, relative to the loader's directory.
        public let file: String
        /// The SHA-256 of the file's bytes, 64 hex digits.
        public let sha256: String

        /// Creates a pin.
        /// - Parameters:
        ///   - url: The context URL.
        ///   - file: The file's path relative to the directory.
        ///   - sha256: The SHA-256 of the file, in hex.
        public init(url: String, file: String, sha256: String) {
            self.url = url
            self.file = file
            self.sha256 = sha256
        }
    }

    private let documents: [String: RemoteContext]
    private let fallback: any ContextLoader

    /// Reads and checks every pinned file.
    /// - Parameters:
    ///   - directory: The directory holding the files.
    ///   - pins: The contexts to add.
    ///   - fallback: The loader for every other URL; the bundled set by default.
    /// - Throws: ``LinkedDataError`` `invalidContextFile` naming the URL of a file that cannot be
    ///   read, does not have its pinned SHA-256, or is not a JSON object with `@context`.
    public init(directory: String, pins: [Pin], fallback: any ContextLoader = BundledContextLoader()) throws {
        var documents: [String: RemoteContext] = [:]
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        for pin in pins {
            let path = base.appendingPathComponent(pin.file)
            guard let data = try? Data(contentsOf: path) else {
                throw LinkedDataError.invalidContextFile(pin.url, "The context file \(path.path) for \(pin.url) cannot be read.")
            }
            let bytes = [UInt8](data)
            let digest = Hex.encode(Hash.sha256(bytes))
            guard digest == pin.sha256.lowercased() else {
                throw LinkedDataError.invalidContextFile(
                    pin.url, "The context file \(path.path) for \(pin.url) has SHA-256 \(digest), not the pinned \(pin.sha256).")
            }
            guard let document = try? JSONValue(parsing: bytes), document["@context"] != nil else {
                throw LinkedDataError.invalidContextFile(
                    pin.url, "The context file \(path.path) for \(pin.url) is not a JSON object with @context.")
            }
            documents[pin.url] = RemoteContext(documentURL: pin.url, document: document)
        }
        self.documents = documents
        self.fallback = fallback
    }

    /// The pinned document of `url`, or the wrapped loader's.
    /// - Parameter url: The context URL.
    /// - Returns: The parsed document.
    /// - Throws: What the wrapped loader throws for URLs not pinned here (`unknownContext`).
    public func loadContext(_ url: String) throws -> RemoteContext {
        if let document = documents[url] { return document }
        return try fallback.loadContext(url)
    }
}
