/// Reads the binary encoding of `specs/chain.md` §1, refusing truncated input, non-minimal
/// varints and over-long lengths with `malformedTransaction`-style errors.
package struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Bytes not yet consumed.
    package var remaining: Int { bytes.count - offset }

    /// Whether every byte was consumed.
    package var isAtEnd: Bool { offset == bytes.count }

    package mutating func u8() throws(ChainError) -> UInt8 { try raw(1)[0] }

    package mutating func u32() throws(ChainError) -> UInt32 {
        try raw(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    package mutating func u64() throws(ChainError) -> UInt64 {
        try raw(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    package mutating func varint() throws(ChainError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try u8()
            guard shift < 64, !(shift == 63 && byte > 1) else { throw .malformed("A varint is longer than 64 bits.") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 {
                guard byte != 0 || shift == 0 else { throw .malformed("A varint is not in its minimal form.") }
                return result
            }
            shift += 7
        }
    }

    package mutating func bytes(maxLength: Int = 1 << 24) throws(ChainError) -> [UInt8] {
        let length = try varint()
        guard length <= UInt64(maxLength) else { throw .malformed("A length of \(length) exceeds the limit of \(maxLength).") }
        return try raw(Int(length))
    }

    package mutating func string(maxLength: Int = 1 << 16) throws(ChainError) -> String {
        let data = try bytes(maxLength: maxLength)
        guard let text = String(validating: data, as: UTF8.self) else { throw .malformed("A text field is not UTF-8.") }
        return text
    }

    package mutating func raw(_ count: Int) throws(ChainError) -> [UInt8] {
        guard count >= 0, bytes.count - offset >= count else {
            throw .malformed("The encoding ends early: \(count) more bytes expected at offset \(offset).")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Fails unless every byte was consumed.
    package func finish() throws(ChainError) {
        guard isAtEnd else { throw .malformed("\(bytes.count - offset) unexpected bytes follow the encoding.") }
    }
}
