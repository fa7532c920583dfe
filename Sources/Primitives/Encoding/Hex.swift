/// Base 16 text for bytes: lowercase on output, either case and an optional `0x` on input.
///
/// ```swift
/// Hex.encode([0xde, 0xad])          // "dead"
/// try Hex.decode("0xDEAD")          // [0xde, 0xad]
/// ```
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Encodes bytes as lowercase hexadecimal, two characters per byte, without a prefix.
    /// - Parameter bytes: the bytes to encode.
    /// - Returns: the hexadecimal text.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes hexadecimal text in either case, with or without a leading `0x`/`0X`.
    /// - Parameter text: an even number of hexadecimal digits, optionally prefixed.
    /// - Returns: the decoded bytes (empty for `""` or `"0x"`).
    /// - Throws: `PrimitivesError.invalidEncoding` for an odd length or a non-hex character.
    public static func decode(_ text: String) throws -> [UInt8] {
        var utf8 = Substring(text).utf8
        if utf8.starts(with: "0x".utf8) || utf8.starts(with: "0X".utf8) {
            utf8 = utf8.dropFirst(2)
        }
        guard utf8.count % 2 == 0 else {
            throw PrimitivesError.invalidEncoding("Hex text has an odd number of digits.")
        }
        let digits = Array(utf8)
        var out = [UInt8](repeating: 0, count: digits.count / 2)
        var index = 0
        while index < out.count {
            guard let high = value(of: digits[2 * index]), let low = value(of: digits[2 * index + 1]) else {
                throw PrimitivesError.invalidEncoding("Hex text contains a character that is not a hex digit.")
            }
            out[index] = high << 4 | low
            index += 1
        }
        return out
    }

    private static func value(of char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
