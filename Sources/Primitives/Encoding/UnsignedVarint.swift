/// The multiformats unsigned varint: little-endian base-128 groups, high bit set on every
/// byte but the last, at most 9 bytes, minimally encoded.
enum UnsignedVarint {
    static let maxBytes = 9

    static func encode(_ value: UInt64) -> [UInt8] {
        var value = value
        var out: [UInt8] = []
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
        return out
    }

    /// Reads one varint from the front of `bytes`.
    /// - Returns: the value and the number of bytes it took.
    static func decode(_ bytes: some Collection<UInt8>) throws -> (value: UInt64, length: Int) {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            guard index < maxBytes else { break }
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 {
                // A trailing zero group means a shorter encoding existed; the spec forbids it.
                guard byte != 0 || index == 0 else {
                    throw PrimitivesError.invalidEncoding("Varint is not minimally encoded.")
                }
                return (value, index + 1)
            }
            shift += 7
        }
        throw PrimitivesError.invalidEncoding("Varint is truncated or longer than 9 bytes.")
    }
}
