/// A DID URL (W3C DID Core §3.2, "DID URL Syntax"): a ``DID`` followed by an optional path,
/// query and fragment, `did path-abempty [ "?" query ] [ "#" fragment ]`.
///
/// Components are kept exactly as written (still percent-encoded), so ``description``
/// reproduces the parsed text; the DID parameters of the query are checked when parsing and
/// read through typed accessors:
/// ```swift
/// let url = try DIDURL(parsing: "did:example:123?service=agent&relativeRef=/credentials#degree")
/// url.service       // "agent"
/// url.relativeRef   // "/credentials"
/// url.fragment      // "degree"
/// ```
public struct DIDURL: Hashable, Sendable, CustomStringConvertible {
    /// The DID the URL starts with.
    public let did: DID
    /// The path as written: empty, or `/` followed by segments.
    public let path: String
    /// The query as written, without its `?`; `nil` when the URL has no `?`.
    public let query: String?
    /// The fragment as written, without its `#`; `nil` when the URL has no `#`.
    public let fragment: String?
    /// The query's `name=value` pairs, percent-decoded, in order.
    public let queryParameters: [(name: String, value: String)]

    /// Parses an absolute DID URL.
    /// - Parameter text: a DID, optionally followed by a path, query and fragment.
    /// - Throws: `DIDError.invalidDidUrl` when `text` breaks the DID Core §3.2 ABNF or a DID
    ///   parameter's value is malformed (see ``versionTime``).
    public init(parsing text: String) throws {
        let end = text.utf8.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? text.endIndex
        let did: DID
        do { did = try DID(parsing: String(text[..<end])) } catch let error as DIDError {
            throw DIDError.invalidDIDURL("A DID URL must start with a valid DID: \(error.reason)")
        }
        var rest = text[end...]
        var fragment: String?, query: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        try self.init(did: did, path: String(rest), query: query, fragment: fragment)
    }

    /// Parses a DID URL that may be relative to `base`, as DID documents write method and
    /// service ids (DID Core §3.2.2): `#key-1`, `?versionId=2` or `/path` are joined to `base`.
    /// - Parameters:
    ///   - reference: an absolute DID URL, or a reference starting with `#`, `?` or `/`.
    ///   - base: the DID that relative references are resolved against.
    /// - Throws: `DIDError.invalidDidUrl` when the result is not a valid DID URL.
    public init(parsing reference: String, relativeTo base: DID) throws {
        if let first = reference.utf8.first, "#?/".utf8.contains(first) {
            try self.init(parsing: base.description + reference)
        } else {
            try self.init(parsing: reference)
        }
    }

    /// Makes a DID URL from its components, as they are written (percent-encoded).
    /// - Parameters:
    ///   - did: the DID.
    ///   - path: empty, or `/` followed by RFC 3986 path segments.
    ///   - query: the query without `?`, or `nil`.
    ///   - fragment: the fragment without `#`, or `nil`.
    /// - Throws: `DIDError.invalidDidUrl` when a component holds a character RFC 3986 forbids
    ///   there, or a DID parameter's value is malformed.
    public init(did: DID, path: String = "", query: String? = nil, fragment: String? = nil) throws {
        guard path.isEmpty || path.utf8.first == UInt8(ascii: "/"),
              URIGrammar.matches(path.utf8, allowing: { URIGrammar.isPChar($0) || $0 == UInt8(ascii: "/") })
        else {
            throw DIDError.invalidDIDURL("A DID URL path is '/'-separated segments of RFC 3986 path characters.")
        }
        guard query.map({ URIGrammar.matches($0.utf8, allowing: URIGrammar.isQueryOrFragmentChar) }) ?? true else {
            throw DIDError.invalidDIDURL("A DID URL query holds only RFC 3986 query characters and %-escapes.")
        }
        guard fragment.map({ URIGrammar.matches($0.utf8, allowing: URIGrammar.isQueryOrFragmentChar) }) ?? true else {
            throw DIDError.invalidDIDURL("A DID URL fragment holds only RFC 3986 fragment characters and %-escapes.")
        }
        self.did = did
        self.path = path
        self.query = query
        self.fragment = fragment
        self.queryParameters = try query.map(Self.parameters(in:)) ?? []
        try checkDIDParameters()
    }

    /// The DID URL as text, exactly as parsed.
    public var description: String {
        did.description + path + (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? "")
    }

    /// Whether the URL is its DID alone, with no path, query or fragment.
    public var isDID: Bool { path.isEmpty && query == nil && fragment == nil }

    /// Equal when the text is equal (DID URLs are compared as strings). The text is a pure
    /// function of these components, so they are compared instead of building two strings.
    public static func == (lhs: DIDURL, rhs: DIDURL) -> Bool {
        lhs.fragment == rhs.fragment && lhs.did == rhs.did && lhs.path == rhs.path && lhs.query == rhs.query
    }
    /// Hashes the text, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    private static func parameters(in query: String) throws -> [(name: String, value: String)] {
        try query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let equals = pair.firstIndex(of: "=")
            let name = equals.map { pair[..<$0] } ?? pair
            let value = equals.map { pair[pair.index(after: $0)...] } ?? ""
            guard let name = URIGrammar.percentDecoded(name), let value = URIGrammar.percentDecoded(value) else {
                throw DIDError.invalidDIDURL("A DID URL query parameter does not percent-decode to UTF-8 text.")
            }
            return (name, value)
        }
    }
}
