import Primitives

extension BitstringStatusList {
    /// The published form: multibase base64url without padding (`u` prefix) of the
    /// gzip-compressed bitstring, as `encodedList` in a BitstringStatusListCredential.
    public var encodedList: String {
        Multibase.encode(GZip.compress(bytes), base: .base64URL)
    }

    /// Decodes a published `encodedList`.
    /// - Parameters:
    ///   - encodedList: `u` followed by base64url (no padding) of a gzip-compressed bitstring.
    ///   - statusSize: bits per status, from the credential's status entry (1 by default).
    /// - Throws: `CredentialsError.invalidStatusList` for another multibase prefix, bad
    ///   base64url, bad gzip, or a bitstring below ``minimumBitCount`` or above ``maximumBitCount``.
    public init(encodedList: String, statusSize: Int = 1) throws {
        try self.init(encodedList: encodedList, statusSize: statusSize, minimumBitCount: Self.minimumBitCount)
    }

    /// Decodes with a lowered minimum, for tests that read published lists below the spec's.
    package init(encodedList: String, statusSize: Int, minimumBitCount: Int) throws {
        guard encodedList.first == "u" else {
            throw CredentialsError.invalidStatusList("An encodedList must be multibase base64url, starting with 'u'.")
        }
        let compressed: [UInt8]
        do {
            compressed = try Base64URL.decode(String(encodedList.dropFirst()))
        } catch {
            throw CredentialsError.invalidStatusList("An encodedList is not valid base64url without padding.")
        }
        let bitstring: [UInt8]
        do {
            bitstring = try GZip.decompress(compressed, maximumSize: Self.maximumBitCount / 8)
        } catch {
            throw CredentialsError.invalidStatusList("An encodedList is not valid gzip, or exceeds the size cap.")
        }
        try self.init(bytes: bitstring, statusSize: statusSize, minimumBitCount: minimumBitCount)
    }
}
