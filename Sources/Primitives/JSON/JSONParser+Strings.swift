extension JSONParser {
    /// Reads a string whose opening quote is at the current offset, validating its UTF-8 and
    /// rejecting unescaped control characters and escaped lone surrogates (I-JSON).
    mutating func parseString() throws -> String {
        offset += 1
        let start = offset
        // Most strings have no escapes and become a String straight from the input bytes.
        while offset < input.count {
            skipPlainASCII()
            guard offset < input.count else { break }
            let byte = input[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: UnsafeBufferPointer(rebasing: input[start..<offset - 1]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            // Printable ASCII, the common case (JWTs, DIDs, base64url), without the call.
            offset += byte >= 0x20 && byte < 0x80 ? 1 : try characterLength(at: offset)
        }
        var decoded = Array(input[start..<offset])
        while true {
            let byte = try peek(expecting: "'\"' to close the string")
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: decoded, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                UTF8.encode(try parseEscape()) { decoded.append($0) }
            } else {
                let length = try characterLength(at: offset)
                decoded.append(contentsOf: input[offset..<offset + length])
                offset += length
            }
        }
    }

    /// Skips printable ASCII other than `"` and `\\` eight bytes at a time: a JWT or a DID is
    /// long and plain, and was read byte by byte. The tests never miss a byte that needs a
    /// closer look (they may flag one that does not); a flagged word is left to the exact loop.
    private mutating func skipPlainASCII() {
        guard let base = input.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while offset + 8 <= input.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            // Per byte, the high bit is set when it is >= 0x80, < 0x20, '"' or '\\'
            // (the "has less than" and "has zero byte" tests of Bit Twiddling Hacks).
            let nonASCII = word & highs
            let control = (word &- (0x20 &* ones)) & ~word & highs
            let quotes = word ^ (0x22 &* ones), backslashes = word ^ (0x5C &* ones)
            let quote = (quotes &- ones) & ~quotes & highs
            let backslash = (backslashes &- ones) & ~backslashes & highs
            guard nonASCII | control | quote | backslash == 0 else { return }
            offset += 8
        }
    }

    /// The length of the well-formed, non-control UTF-8 sequence at `position` (RFC 3629:
    /// no overlong forms, no encoded surrogates, nothing above U+10FFFF).
    private func characterLength(at position: Int) throws -> Int {
        let lead = input[position]
        if lead >= 0x20 && lead < 0x80 { return 1 }
        if lead < 0x20 { throw failure("a character other than U+0000...U+001F, which must be escaped", at: position) }
        let length: Int
        let secondRange: ClosedRange<UInt8>
        switch lead {
        case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
        case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, secondRange) = (3, 0x80...0xBF)
        case 0xED: (length, secondRange) = (3, 0x80...0x9F)
        case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
        case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
        default: throw failure("well-formed UTF-8", at: position)
        }
        guard position + length <= input.count, secondRange.contains(input[position + 1]) else {
            throw failure("well-formed UTF-8", at: position)
        }
        for continuation in position + 2..<position + length where input[continuation] & 0xC0 != 0x80 {
            throw failure("well-formed UTF-8", at: position)
        }
        return length
    }

    /// Reads one escape sequence starting at its backslash; a `\u` high surrogate must be
    /// followed by a `\u` low surrogate, and a low surrogate may not stand alone.
    private mutating func parseEscape() throws -> Unicode.Scalar {
        let start = offset
        offset += 1
        let escapes = "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\'"
        switch try take(expecting: escapes) {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): break
        default: throw failure(escapes, at: offset - 1)
        }
        var value = try parseHex4()
        if (0xDC00...0xDFFF).contains(value) {
            throw failure("a character, not a lone low surrogate escape", at: start)
        }
        if (0xD800...0xDBFF).contains(value) {
            let lowStart = offset
            guard offset + 1 < input.count, input[offset] == UInt8(ascii: "\\"), input[offset + 1] == UInt8(ascii: "u")
            else { throw failure("a '\\u' low surrogate escape after the high surrogate", at: lowStart) }
            offset += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure("a '\\u' low surrogate escape after the high surrogate", at: lowStart)
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else { throw failure("a Unicode scalar", at: start) }
        return scalar
    }

    private mutating func parseHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try take(expecting: "a hexadecimal digit")
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a hexadecimal digit", at: offset - 1)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
