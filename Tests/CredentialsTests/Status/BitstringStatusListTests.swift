import Testing
import Primitives
@testable import Credentials

struct BitstringStatusListTests {
    @Test("a new list has the spec's 131,072-bit minimum, all zero")
    func defaults() throws {
        let list = try BitstringStatusList()
        #expect(list.bytes.count == 16_384)
        #expect(list.count == 131_072)
        #expect(list.bytes.allSatisfy { $0 == 0 })
    }

    @Test("index 0 is the most significant bit of the first byte")
    func indexZeroIsMSB() throws {
        var list = try BitstringStatusList()
        try list.setBit(at: 0, to: true)
        #expect(list.bytes[0] == 0x80)
        try list.setBit(at: 7, to: true)
        try list.setBit(at: 9, to: true)
        #expect(Array(list.bytes.prefix(2)) == [0x81, 0x40])
        #expect(try list.bit(at: 0) && list.bit(at: 7) && list.bit(at: 9))
        #expect(try !list.bit(at: 1))
        try list.setBit(at: 0, to: false)
        #expect(list.bytes[0] == 0x01)
    }

    @Test("encodedList then init(encodedList:) keeps every set bit and nothing else")
    func encodeDecodeRoundTrip() throws {
        var list = try BitstringStatusList(bitCount: 262_144)
        let set: Set<Int> = [0, 1, 7, 8, 50_000, 94_567, 131_071, 262_143]
        for index in set { try list.setBit(at: index, to: true) }
        let encoded = list.encodedList
        #expect(encoded.hasPrefix("uH4sI"), "multibase 'u' + base64url of the gzip magic")
        let back = try BitstringStatusList(encodedList: encoded)
        #expect(back == list)
        #expect(try (0..<262_144).filter { try back.bit(at: $0) } == set.sorted())
    }

    @Test("refuses indexes outside the list")
    func outOfRange() throws {
        var list = try BitstringStatusList()
        #expect(throws: CredentialsError.invalidStatusList("")) { try list.bit(at: 131_072) }
        #expect(throws: CredentialsError.invalidStatusList("")) { try list.bit(at: -1) }
        #expect(throws: CredentialsError.invalidStatusList("")) { try list.setBit(at: 131_072, to: true) }
        #expect(throws: CredentialsError.invalidStatusList("")) { try list.status(at: 131_072) }
    }

    @Test("refuses lengths below the minimum, above the cap, or not whole bytes")
    func lengthLimits() throws {
        for bits in [131_064, 131_073, BitstringStatusList.maximumBitCount + 8, Int.max] {
            #expect(throws: CredentialsError.invalidStatusList("")) { try BitstringStatusList(bitCount: bits) }
        }
        #expect(throws: CredentialsError.invalidStatusList("")) { try BitstringStatusList(statusSize: 0) }
    }

    @Test("multi-bit statuses are read and written most significant bit first")
    func statusSizeTwo() throws {
        var list = try BitstringStatusList(statusSize: 2)
        #expect(list.count == 65_536)
        try list.setStatus(at: 0, to: 2)
        try list.setStatus(at: 1, to: 3)
        try list.setStatus(at: 3, to: 1)
        #expect(list.bytes[0] == 0b1011_0001)
        #expect(try [0, 1, 2, 3].map { try list.status(at: $0) } == [2, 3, 0, 1])
        #expect(throws: CredentialsError.invalidStatusList("")) { try list.setStatus(at: 0, to: 4) }
        let back = try BitstringStatusList(encodedList: list.encodedList, statusSize: 2)
        #expect(try back.status(at: 1) == 3)
    }

    @Test("init(encodedList:) refuses other prefixes, bad base64url, bad gzip and oversized lists")
    func decodeRefusals() throws {
        let valid = try BitstringStatusList().encodedList
        let largest = try BitstringStatusList(bitCount: BitstringStatusList.maximumBitCount).encodedList
        #expect(try BitstringStatusList(encodedList: largest).count == BitstringStatusList.maximumBitCount)
        let oneByteOver = [UInt8](repeating: 0, count: BitstringStatusList.maximumBitCount / 8 + 1)
        let tooBig = Multibase.encode(GZip.compress(oneByteOver), base: .base64URL)
        for text in ["", "z" + valid.dropFirst(), String(valid.dropFirst()), valid + "=", "u!!!!", "uAAAA", tooBig] {
            #expect(throws: CredentialsError.invalidStatusList("")) { try BitstringStatusList(encodedList: text) }
        }
    }
}
