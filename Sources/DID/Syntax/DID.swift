/// A decentralized identifier (W3C DID Core §3.1, "DID Syntax"):
/// `did:` method-name `:` method-specific-id.
///
/// A value exists only if its text matches the DID Core ABNF, so code that holds a `DID` never
/// re-checks it:
/// ```swift
/// let did = try DID(parsing: "did:example:123456789abcdefghi")
/// did.method              // "example"
/// did.methodSpecificID    // "123456789abcdefghi"
/// ```
/// Comparison is by exact text (DID Core §3.1 compares DIDs as strings, with no case folding or
/// percent-decoding).
public struct DID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The method name: one or more lowercase letters and digits.
    public let method: String
    /// The method-specific identifier: `idchar`s and colons, not empty, not ending in `:`.
    public let methodSpecificID: String

    /// Parses a DID.
    /// - Parameter text: the whole DID, with no path, query or fragment.
    /// - Throws: `DIDError.invalidDid` when `text` does not match the DID Core §3.1 ABNF.
    public init(parsing text: String) throws {
        let bytes = Array(text.utf8)
        // ABNF literals are case-insensitive, but every DID in use writes `did:` in lowercase
        // and DID comparison is by exact text, so another case is refused rather than folded.
        guard bytes.starts(with: "did:".utf8) else {
            throw DIDError.invalidDID("A DID starts with \"did:\".")
        }
        let rest = bytes[4...]
        guard let colon = rest.firstIndex(of: UInt8(ascii: ":")) else {
            throw DIDError.invalidDID("A DID needs a method name and a method-specific identifier separated by ':'.")
        }
        let method = rest[..<colon], identifier = rest[(colon + 1)...]
        guard !method.isEmpty, method.allSatisfy(URIGrammar.isMethodChar) else {
            throw DIDError.invalidDID("A DID method name is one or more lowercase letters or digits.")
        }
        try Self.checkMethodSpecificID(identifier)
        self.method = String(decoding: method, as: UTF8.self)
        self.methodSpecificID = String(decoding: identifier, as: UTF8.self)
    }

    /// Makes the DID `did:<method>:<methodSpecificID>`.
    /// - Parameters:
    ///   - method: the method name.
    ///   - methodSpecificID: the method-specific identifier, percent-encoded where needed.
    /// - Throws: `DIDError.invalidDid` when either part breaks the DID Core §3.1 ABNF.
    public init(method: String, methodSpecificID: String) throws {
        try self.init(parsing: "did:\(method):\(methodSpecificID)")
    }

    /// The DID as text.
    public var description: String { "did:\(method):\(methodSpecificID)" }

    /// Orders DIDs by their text, for stable listings.
    public static func < (lhs: DID, rhs: DID) -> Bool { lhs.description < rhs.description }

    /// `method-specific-id = *( *idchar ":" ) 1*idchar`: colons separate possibly empty
    /// segments, but the last segment has at least one character.
    private static func checkMethodSpecificID(_ identifier: ArraySlice<UInt8>) throws {
        guard let last = identifier.last, last != UInt8(ascii: ":") else {
            throw DIDError.invalidDID("A DID's method-specific identifier must not be empty or end with ':'.")
        }
        let allowed = { (byte: UInt8) in URIGrammar.isIDChar(byte) || byte == UInt8(ascii: ":") }
        guard URIGrammar.matches(identifier, allowing: allowed) else {
            throw DIDError.invalidDID(
                "A DID's method-specific identifier holds only letters, digits, '.', '-', '_', ':' and %-escapes.")
        }
    }
}
