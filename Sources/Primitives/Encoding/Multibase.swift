/// Self-describing base encodings (multiformats multibase): one prefix character names the
/// base of the rest of the text. Only the bases did:key and Data Integrity need are supported.
///
/// ```swift
/// let text = Multibase.encode(bytes, base: .base58BTC)   // "z…"
/// let back = try Multibase.decode(text)
/// ```
public enum Multibase {
    /// A multibase encoding, named by its prefix character.
    public struct Base: Hashable, Sendable, CustomStringConvertible {
        /// The prefix character that announces this base.
        public let prefix: Character
        /// The multibase table's name for this base.
        public let name: String

        /// Bitcoin base58 (`z`).
        public static let base58BTC = Base(prefix: "z", name: "base58btc")
        /// Unpadded URL-safe base64 (`u`).
        public static let base64URL = Base(prefix: "u", name: "base64url")

        static let supported: [Base] = [.base58BTC, .base64URL]

        /// The multibase name, for messages.
        public var description: String { name }
    }

    /// Encodes bytes in `base` and prefixes the base's character.
    /// - Parameters:
    ///   - bytes: the bytes to encode.
    ///   - base: the base to use.
    /// - Returns: the prefixed text.
    public static func encode(_ bytes: some Collection<UInt8>, base: Base) -> String {
        switch base {
        case .base64URL: "u" + Base64URL.encode(bytes)
        default: "z" + Base58BTC.encode(bytes)
        }
    }

    /// Decodes prefixed text in any supported base.
    /// - Parameter text: multibase text such as `z6Mk…` or `uAQID`.
    /// - Returns: the decoded bytes.
    /// - Throws: `PrimitivesError.invalidEncoding` for empty text, an unsupported prefix, or
    ///   text that is not valid in the named base.
    public static func decode(_ text: String) throws -> [UInt8] {
        try decode(text, base: base(of: text))
    }

    /// Decodes prefixed text that must be in one particular base.
    /// - Parameters:
    ///   - text: multibase text.
    ///   - base: the only base accepted.
    /// - Returns: the decoded bytes.
    /// - Throws: `PrimitivesError.invalidEncoding` when the prefix is not `base`'s or the rest
    ///   is not valid in that base.
    public static func decode(_ text: String, expecting base: Base) throws -> [UInt8] {
        let found = try self.base(of: text)
        guard found == base else {
            throw PrimitivesError.invalidEncoding("Multibase text is \(found), expected \(base).")
        }
        return try decode(text, base: found)
    }

    /// The base named by the first character of `text`.
    /// - Parameter text: multibase text.
    /// - Returns: the base its prefix names.
    /// - Throws: `PrimitivesError.invalidEncoding` for empty text or an unsupported prefix.
    public static func base(of text: String) throws -> Base {
        guard let first = text.first else {
            throw PrimitivesError.invalidEncoding("Multibase text is empty; it needs at least a base prefix.")
        }
        guard let base = Base.supported.first(where: { $0.prefix == first }) else {
            throw PrimitivesError.invalidEncoding(
                "Multibase prefix '\(first)' is not supported; expected 'z' (base58btc) or 'u' (base64url).")
        }
        return base
    }

    private static func decode(_ text: String, base: Base) throws -> [UInt8] {
        let body = String(text.dropFirst())
        return switch base {
        case .base64URL: try Base64URL.decode(body)
        default: try Base58BTC.decode(body)
        }
    }
}
