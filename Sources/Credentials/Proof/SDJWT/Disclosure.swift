public import Primitives

/// One SD-JWT Disclosure (RFC 9901 §4.2): the base64url text of `[salt, name, value]` for an
/// object member or `[salt, value]` for an array element.
///
/// The digest is taken over the received text itself, so the exact JSON spelling chosen by the
/// issuer is what the issuer signed; ``encoded`` is kept as received.
/// ```swift
/// let d = try Disclosure(parsing: "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0")
/// d.claimName   // "family_name"
/// d.digest      // "X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0"
/// ```
public struct Disclosure: Sendable, Hashable {
    /// The salt string.
    public let salt: String
    /// The claim name, or `nil` for an array element.
    public let claimName: String?
    /// The claim value or array element.
    public let value: JSONValue
    /// The Disclosure text (base64url, no padding).
    public let encoded: String
    /// base64url(SHA-256(ASCII of ``encoded``)) (RFC 9901 §4.2.3).
    public let digest: String

    /// Creates a Disclosure, encoding the compact JSON array.
    /// - Parameters:
    ///   - salt: the salt (16 random bytes, base64url, in production).
    ///   - claimName: the member name, or `nil` for an array element.
    ///   - value: the value to disclose.
    public init(salt: String, claimName: String?, value: JSONValue) {
        let array: [JSONValue] = [.string(salt)] + (claimName.map { [.string($0)] } ?? []) + [value]
        self.salt = salt
        self.claimName = claimName
        self.value = value
        self.encoded = Base64URL.encode(JSONValue.array(array).serialized())
        self.digest = Self.digest(of: encoded)
    }

    /// Reads a Disclosure.
    /// - Parameter encoded: the base64url text.
    /// - Throws: `CredentialsError.invalidSDJWT` for text that is not base64url of a JSON array
    ///   of two or three elements with a string salt and a string name that is not `_sd` or
    ///   `...` (RFC 9901 §4.2.1, §7.1 step 3).
    public init(parsing encoded: String) throws {
        guard let bytes = try? Base64URL.decode(encoded), let array = (try? JSONValue(parsing: bytes))?.arrayValue else {
            throw CredentialsError.invalidSDJWT("Disclosure '\(encoded.prefix(16))…' is not base64url of a JSON array.")
        }
        guard array.count == 2 || array.count == 3, let salt = array[0].stringValue else {
            throw CredentialsError.invalidSDJWT("Disclosure '\(encoded.prefix(16))…' is not [salt, name, value] or [salt, value].")
        }
        var name: String?
        if array.count == 3 {
            guard let text = array[1].stringValue, text != "_sd", text != "..." else {
                throw CredentialsError.invalidSDJWT("Disclosure '\(encoded.prefix(16))…' has a claim name that is not a string, or is _sd or '...'.")
            }
            name = text
        }
        self.salt = salt
        self.claimName = name
        self.value = array[array.count - 1]
        self.encoded = encoded
        self.digest = Self.digest(of: encoded)
    }

    /// The SHA-256 digest of Disclosure (or presentation) text, base64url-encoded.
    static func digest(of text: String) -> String { Base64URL.encode(Hash.sha256(Array(text.utf8))) }
}
