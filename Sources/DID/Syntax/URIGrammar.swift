/// The character classes of RFC 3986 §2-3 and DID Core §3.1 over UTF-8 bytes. Every character a
/// DID or DID URL may hold is ASCII, so a non-ASCII byte never matches any class.
enum URIGrammar {
    static func isAlpha(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// DID Core `method-char`: lowercase letters and digits.
    static func isMethodChar(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || isDigit(byte)
    }

    /// DID Core `idchar`, less `pct-encoded` (checked by ``matches(_:allowing:)``).
    static func isIDChar(_ byte: UInt8) -> Bool {
        isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_")
    }

    /// RFC 3986 `pchar`, less `pct-encoded`: unreserved, sub-delims, ":" and "@".
    static func isPChar(_ byte: UInt8) -> Bool {
        // A switch, not a search of a string's UTF-8 view: this runs for every byte of every
        // DID URL that resolution parses.
        switch byte {
        case UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
             UInt8(ascii: ":"), UInt8(ascii: "@"):
            return true
        default:
            return isIDChar(byte)
        }
    }

    /// RFC 3986 `query` and `fragment` characters, less `pct-encoded`.
    static func isQueryOrFragmentChar(_ byte: UInt8) -> Bool {
        isPChar(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?")
    }

    /// Whether `bytes` consists only of characters `allowed` accepts and well-formed
    /// `pct-encoded` triplets (`%` and two hex digits).
    static func matches(_ bytes: some Collection<UInt8>, allowing allowed: (UInt8) -> Bool) -> Bool {
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(), isHexDigit(high), isHexDigit(low) else {
                    return false
                }
            } else if !allowed(byte) {
                return false
            }
        }
        return true
    }

    /// Decodes `%XX` triplets; the text must already have passed ``matches(_:allowing:)``.
    /// - Returns: the decoded text, or `nil` when the decoded bytes are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        // `String(validating:)` needs macOS 15; a lossless round trip proves the same thing.
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded.utf8.elementsEqual(bytes) ? decoded : nil
    }
}
