/// A `credentialStatus` entry of type `BitstringStatusListEntry`: where in which status list
/// a credential's status is published.
public struct BitstringStatusListEntry: Hashable, Sendable {
    /// The JSON `type` every entry carries.
    public static let type = "BitstringStatusListEntry"

    /// The entry's own URL, if it has one.
    public let id: String?
    /// What the referenced status means.
    public let statusPurpose: StatusPurpose
    /// The credential's position in the list (a decimal string in JSON).
    public let statusListIndex: Int
    /// The URL of the BitstringStatusListCredential that holds the list.
    public let statusListCredential: String
    /// Bits per status in the referenced list; 1 unless the list carries status messages.
    public let statusSize: Int

    /// An entry from its parts.
    /// - Parameters:
    ///   - id: the entry's URL, or `nil`.
    ///   - statusPurpose: what the status means.
    ///   - statusListIndex: the position in the list, at least 0.
    ///   - statusListCredential: the absolute URL of the status list credential.
    ///   - statusSize: bits per status, in ``BitstringStatusList/supportedStatusSizes``.
    /// - Throws: `CredentialsError.invalidStatusEntry` for a negative index, a URL that is not
    ///   absolute, or an unsupported status size.
    public init(id: String? = nil, statusPurpose: StatusPurpose, statusListIndex: Int,
                statusListCredential: String, statusSize: Int = 1) throws {
        if let id, !Self.isAbsoluteURL(id) {
            throw CredentialsError.invalidStatusEntry("A status entry's id must be an absolute URL.")
        }
        guard statusListIndex >= 0 else {
            throw CredentialsError.invalidStatusEntry("A statusListIndex must not be negative.")
        }
        guard Self.isAbsoluteURL(statusListCredential) else {
            throw CredentialsError.invalidStatusEntry("A statusListCredential must be an absolute URL.")
        }
        guard BitstringStatusList.supportedStatusSizes.contains(statusSize) else {
            throw CredentialsError.invalidStatusEntry("A statusSize must be between 1 and 8, not \(statusSize).")
        }
        self.id = id
        self.statusPurpose = statusPurpose
        self.statusListIndex = statusListIndex
        self.statusListCredential = statusListCredential
        self.statusSize = statusSize
    }

    /// Whether `text` is `scheme:rest` with an RFC 3986 scheme and no whitespace: enough to
    /// refuse relative references and typos without a full URL parser.
    static func isAbsoluteURL(_ text: String) -> Bool {
        // Contiguous bytes, not Characters: this runs twice per status entry on the verification path.
        var text = text
        let asciiVerdict: Bool? = text.withUTF8 { bytes in
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < bytes.count else { return false }
            func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
            guard isLetter(bytes[0]) else { return false }
            for byte in bytes[1..<colon] where !(isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E) {
                return false
            }
            var ascii = true
            for byte in bytes {
                if byte <= 0x20 { return false }   // ASCII whitespace or a control character
                if byte >= 0x80 { ascii = false }
            }
            return ascii ? true : nil
        }
        // Any whitespace, ASCII or not, makes it no URL; only non-ASCII text needs the Unicode check.
        return asciiVerdict ?? !text.contains(where: \.isWhitespace)
    }
}
