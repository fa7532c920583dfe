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
        if let decoded = try text.withContiguousStorageIfAvailable({ try decode(buffer: $0) }) { return decoded }
        return try Array(text).withUnsafeBufferPointer { try decode(buffer: $0) }
    }

    /// Decodes straight into an array of the exact length: every JWT a verifier sees passes
    /// here, so whole groups of four go without per-character branches (an invalid character
    /// sets bit 7, the table holding 0xff for it) and without growing the output.
    private static func decode(buffer input: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        let remainder = input.count % 4
        guard remainder != 1 else {
            throw PrimitivesError.invalidEncoding("Base64url text has an impossible length.")
        }
        let quads = input.count / 4
        let length = quads * 3 + (remainder == 0 ? 0 : remainder - 1)
        return try values.withUnsafeBufferPointer { table in
            try [UInt8](unsafeUninitializedCapacity: length) { out, initialized in
                var position = 0
                for quad in 0..<quads {
                    let a = table[Int(input[4 * quad])], b = table[Int(input[4 * quad + 1])]
                    let c = table[Int(input[4 * quad + 2])], d = table[Int(input[4 * quad + 3])]
                    guard (a | b | c | d) & 0x80 == 0 else { throw invalidCharacter(in: input, table: table) }
                    out[position] = a << 2 | b >> 4
                    out[position + 1] = b << 4 | c >> 2
                    out[position + 2] = c << 6 | d
                    position += 3
                }
                if remainder > 0 {
                    let start = quads * 4
                    let a = table[Int(input[start])], b = table[Int(input[start + 1])]
                    let c = remainder == 3 ? table[Int(input[start + 2])] : 0
                    guard (a | b | c) & 0x80 == 0 else { throw invalidCharacter(in: input, table: table) }
                    out[position] = a << 2 | b >> 4
                    position += 1
                    if remainder == 3 { out[position] = b << 4 | c >> 2; position += 1 }
                    // Unused bits must be zero, or two texts would decode to the same bytes.
                    guard (remainder == 2 ? b & 0x0F : c & 0x03) == 0 else {
                        throw PrimitivesError.invalidEncoding("Base64url text has non-zero trailing bits.")
                    }
                }
                initialized = position
            }
        }
    }

    /// The error for the first character outside the alphabet.
    private static func invalidCharacter(in input: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>) -> PrimitivesError {
        let char = input.first { table[Int($0)] == 0xff }
        return .invalidEncoding(char == UInt8(ascii: "=")
            ? "Base64url text must not carry '=' padding."
            : "Base64url text contains a character outside the base64url alphabet.")
    }
}
