import Chain
import Testing

struct ByteEncodingTests {
    @Test("fixed-width integers are written big-endian and read back", arguments: [UInt64(0), 1, 0x0102_0304, UInt64(UInt32.max)])
    func fixedWidthRoundTrip(value: UInt64) throws {
        var writer = ByteWriter()
        writer.u8(UInt8(truncatingIfNeeded: value))
        writer.u32(UInt32(truncatingIfNeeded: value))
        writer.u64(value)
        var reader = ByteReader(writer.bytes)
        #expect(try reader.u8() == UInt8(truncatingIfNeeded: value))
        #expect(try reader.u32() == UInt32(truncatingIfNeeded: value))
        #expect(try reader.u64() == value)
        try reader.finish()
    }

    @Test("u32 and u64 put the most significant byte first")
    func bigEndianLayout() {
        var writer = ByteWriter()
        writer.u32(0x0102_0304)
        writer.u64(0x0102_0304_0506_0708)
        #expect(writer.bytes == [1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8])
    }

    /// Unsigned LEB128 examples (the DWARF specification's table, plus the 64-bit extremes).
    static let varints: [(UInt64, [UInt8])] = [
        (0, [0x00]), (2, [0x02]), (127, [0x7f]), (128, [0x80, 0x01]), (129, [0x81, 0x01]), (130, [0x82, 0x01]),
        (12_857, [0xb9, 0x64]), (300, [0xac, 0x02]), (16_383, [0xff, 0x7f]), (16_384, [0x80, 0x80, 0x01]),
        (UInt64.max, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
    ]

    @Test("varints use minimal unsigned LEB128", arguments: varints)
    func varintEncoding(value: UInt64, encoded: [UInt8]) throws {
        var writer = ByteWriter()
        writer.varint(value)
        #expect(writer.bytes == encoded)
        var reader = ByteReader(encoded)
        #expect(try reader.varint() == value)
        #expect(reader.isAtEnd)
    }

    @Test("a varint with redundant trailing zero groups is refused", arguments: [
        [UInt8(0x80), 0x00], [0xff, 0x00], [0x81, 0x80, 0x00], [0x80, 0x80, 0x80, 0x00],
    ])
    func nonMinimalVarint(encoded: [UInt8]) {
        var reader = ByteReader(encoded)
        #expect(throws: ChainError(.malformedTransaction, "")) { try reader.varint() }
    }

    @Test("a varint longer than 64 bits is refused", arguments: [
        [UInt8](repeating: 0xff, count: 9) + [0x02], [UInt8](repeating: 0x80, count: 10) + [0x01],
    ])
    func overlongVarint(encoded: [UInt8]) {
        var reader = ByteReader(encoded)
        #expect(throws: ChainError(.malformedTransaction, "")) { try reader.varint() }
    }

    @Test("bytes, strings and raw fields round-trip with their length prefixes")
    func lengthPrefixedRoundTrip() throws {
        let long = [UInt8](repeating: 0xab, count: 200)
        var writer = ByteWriter()
        writer.bytes([])
        writer.bytes(long)
        writer.string("chancery ✓")
        writer.raw([9, 8, 7])
        #expect(writer.bytes.prefix(3) == [0x00, 0xc8, 0x01])
        var reader = ByteReader(writer.bytes)
        #expect(try reader.bytes() == [])
        #expect(try reader.bytes() == long)
        #expect(try reader.string() == "chancery ✓")
        #expect(try reader.raw(3) == [9, 8, 7])
        #expect(reader.isAtEnd)
        try reader.finish()
    }

    @Test("reading past the end of the input is refused")
    func truncatedInput() {
        var reader = ByteReader([1, 2, 3])
        #expect(throws: ChainError(.malformedTransaction, "")) { try reader.u32() }
        var short = ByteReader([0x80])
        #expect(throws: ChainError(.malformedTransaction, "")) { try short.varint() }
        var body = ByteReader([5, 1, 2, 3])
        #expect(throws: ChainError(.malformedTransaction, "")) { try body.bytes() }
        var empty = ByteReader([])
        #expect(throws: ChainError(.malformedTransaction, "")) { try empty.u8() }
    }

    @Test("a length above the field's limit is refused before reading")
    func lengthLimit() {
        var reader = ByteReader([4, 1, 2, 3, 4])
        #expect(throws: ChainError(.malformedTransaction, "")) { try reader.bytes(maxLength: 3) }
    }

    @Test("a text field that is not UTF-8 is refused")
    func invalidUTF8() {
        var reader = ByteReader([2, 0xc3, 0x28])
        #expect(throws: ChainError(.malformedTransaction, "")) { try reader.string() }
    }

    @Test("trailing bytes after the encoding are refused by finish")
    func trailingBytes() throws {
        var reader = ByteReader([0, 0, 0, 1, 0xff])
        #expect(try reader.u32() == 1)
        #expect(!reader.isAtEnd)
        #expect(throws: ChainError(.malformedTransaction, "")) { try reader.finish() }
    }
}
