/// The URL- and filename-safe base 64 alphabet of RFC 4648 §5, without padding, as JOSE
/// (RFC 7515 §2) and multibase `u` use it.
///
/// Decoding is strict so that every byte string has exactly one accepted text: padding,
/// characters outside the alphabet and non-zero unused trailing bits are all rejected.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (index, char) in alphabet.enumerated() { table[Int(char)] = UInt8(index) }
        return table
    }()

    /// Encodes bytes as unpadded base64url.
    /// - Parameter bytes: the bytes to encode.
    /// - Returns: the base64url text, without `=` padding.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= input.count {
            let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int(group >> UInt32(shift) & 0x3f)]) }
            index += 3
        }
        switch input.count - index {
        case 1:
            let group = UInt32(input[index]) << 16
            for shift in [18, 12] { out.append(alphabet[Int(group >> UInt32(shift) & 0x3f)]) }
        case 2:
            let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
            for shift in [18, 12, 6] { out.append(alphabet[Int(group >> UInt32(shift) & 0x3f)]) }
        default:
            break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes unpadded base64url text.
    /// - Parameter text: base64url characters only, no padding and no whitespace.
    /// - Returns: the decoded bytes.
    /// - Throws: `PrimitivesError.invalidEncoding` for padding, a character outside the
    ///   alphabet, an impossible length, or non-zero unused bits in the last character.
    public static func decode(_ text: String) throws -> [UInt8] {
        try decode(bytes: text.utf8)
    }

    /// Decodes unpadded base64url given as its ASCII bytes (see ``decode(_:)``), so callers
    /// holding bytes skip a String round trip.
    /// - Throws: `PrimitivesError.invalidEncoding` as ``decode(_:)`` does.
    public static func decode(bytes text: some Collection<UInt8>) throws -> [UInt8] {
        let chars = Array(text)
        guard chars.count % 4 != 1 else {
            throw PrimitivesError.invalidEncoding("Base64url text has an impossible length.")
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count * 3 / 4)
        // Whole groups of four characters first, without per-character branches: this decodes
        // every JWT a verifier sees. Any invalid character sets bit 7 (the table holds 0xff).
        let quads = chars.count / 4
        let fast: Bool = values.withUnsafeBufferPointer { table in
            chars.withUnsafeBufferPointer { input in
                for quad in 0..<quads {
                    let a = table[Int(input[4 * quad])], b = table[Int(input[4 * quad + 1])]
                    let c = table[Int(input[4 * quad + 2])], d = table[Int(input[4 * quad + 3])]
                    guard (a | b | c | d) & 0x80 == 0 else { return false }
                    out.append(a << 2 | b >> 4)
                    out.append(b << 4 | c >> 2)
                    out.append(c << 6 | d)
                }
                return true
            }
        }
        if !fast { out.removeAll(keepingCapacity: true) }
        var accumulator: UInt32 = 0
        var bits = 0
        for char in chars[(fast ? quads * 4 : 0)...] {
            let value = values[Int(char)]
            guard value != 0xff else {
                let reason = char == UInt8(ascii: "=")
                    ? "Base64url text must not carry '=' padding."
                    : "Base64url text contains a character outside the base64url alphabet."
                throw PrimitivesError.invalidEncoding(reason)
            }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        // Leftover bits must be zero, or two texts would decode to the same bytes.
        guard accumulator == 0 else {
            throw PrimitivesError.invalidEncoding("Base64url text has non-zero trailing bits.")
        }
        return out
    }
}
