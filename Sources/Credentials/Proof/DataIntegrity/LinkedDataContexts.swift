internal import Foundation
internal import LinkedData
public import Primitives

/// The JSON-LD contexts a verifier reads RDFC proofs with: the bundled, read-only set
/// (`specs/credentials.md` §3), or that set and an operator's context files, each pinned by
/// its SHA-256 in a pins file. Nothing is ever fetched: a document naming any other context
/// fails with `unknownContext`.
///
/// ```swift
/// let contexts = try LinkedDataContexts(pinsFile: "/etc/chancery/contexts/pins.json")
/// let verifier = CredentialVerifier(resolver: resolver, registry: ledger, contexts: contexts)
/// ```
public struct LinkedDataContexts: Sendable {
    /// The bundled set alone.
    public static let bundled = LinkedDataContexts(canonicalForm: .bundled, pinnedURLs: [])

    package let canonicalForm: RDFCanonicalForm
    /// The URLs the operator's files add, in the pins file's order.
    public let pinnedURLs: [String]

    private init(canonicalForm: RDFCanonicalForm, pinnedURLs: [String]) {
        self.canonicalForm = canonicalForm
        self.pinnedURLs = pinnedURLs
    }

    /// The bundled set and the files a pins file names. The pins file is a JSON array of
    /// `{"url": …, "file": …, "sha256": …}`: the context URL as documents name it, the file's
    /// path relative to the pins file's directory, and the SHA-256 of the file's bytes (64 hex
    /// digits). Every file is read and checked here, once.
    /// - Parameter pinsFile: the pins file's path.
    /// - Throws: `CredentialsError.invalidContextPins` naming the file, entry or URL that is wrong: an
    ///   unreadable or malformed pins file, a URL pinned twice or already bundled, a missing
    ///   file, a SHA-256 that does not match, or a file that is not a JSON object with `@context`.
    public init(pinsFile: String) throws {
        guard let data = FileManager.default.contents(atPath: pinsFile) else {
            throw CredentialsError(.invalidContextPins, "The context pins file \(pinsFile) cannot be read.")
        }
        guard case .array(let entries)? = try? JSONValue(parsing: [UInt8](data)) else {
            throw CredentialsError(.invalidContextPins, "The context pins file \(pinsFile) is not a JSON array of {\"url\", \"file\", \"sha256\"} objects.")
        }
        var pins: [PinnedContextLoader.Pin] = []
        let bundled = BundledContextLoader()
        for (index, entry) in entries.enumerated() {
            guard case .object(let object) = entry, Set(object.keys) == ["url", "file", "sha256"],
                  let url = object["url"]?.stringValue, let file = object["file"]?.stringValue,
                  let sha256 = object["sha256"]?.stringValue, sha256.count == 64, (try? Hex.decode(sha256)) != nil else {
                throw CredentialsError(.invalidContextPins, "Entry \(index + 1) of \(pinsFile) must be {\"url\": …, \"file\": …, \"sha256\": 64 hex digits}.")
            }
            guard !pins.contains(where: { $0.url == url }) else {
                throw CredentialsError(.invalidContextPins, "\(pinsFile) pins \(url) twice.")
            }
            // A bundled context is never replaced: its meaning is part of every proof made with it.
            guard (try? bundled.loadContext(url)) == nil else {
                throw CredentialsError(.invalidContextPins, "\(pinsFile) pins \(url), which is bundled and cannot be replaced.")
            }
            pins.append(.init(url: url, file: file, sha256: sha256))
        }
        let directory = URL(fileURLWithPath: pinsFile).deletingLastPathComponent().path
        let loader: PinnedContextLoader
        do { loader = try PinnedContextLoader(directory: directory, pins: pins, fallback: bundled) } catch let error as LinkedDataError {
            throw CredentialsError(.invalidContextPins, error.reason)
        }
        self.init(canonicalForm: RDFCanonicalForm(loader: loader), pinnedURLs: pins.map(\.url))
    }
}
