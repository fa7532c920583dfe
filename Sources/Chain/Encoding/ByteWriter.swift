/// Writes the binary encoding of `specs/chain.md` §1: fixed-width big-endian integers,
/// minimal LEB128 varints, length-prefixed bytes and strings, raw fixed-size fields.
package struct ByteWriter: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    package mutating func u8(_ value: UInt8) { bytes.append(value) }

    package mutating func u32(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    package mutating func u64(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    package mutating func varint(_ value: UInt64) {
        var v = value
        repeat {
            var byte = UInt8(v & 0x7f)
            v >>= 7
            if v != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while v != 0
    }

    /// Length-prefixed bytes.
    package mutating func bytes(_ value: some Collection<UInt8>) {
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// Length-prefixed UTF-8 text.
    package mutating func string(_ value: String) { bytes(Array(value.utf8)) }

    /// Raw bytes of a fixed-size field (the reader knows the size).
    package mutating func raw(_ value: some Collection<UInt8>) { bytes.append(contentsOf: value) }
}
