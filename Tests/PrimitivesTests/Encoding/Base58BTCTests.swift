import Testing
@testable import Primitives

struct Base58BTCTests {
    /// Examples of draft-msporny-base58 §5 (the leading-zero example as implementations
    /// commonly state it, 0x0000287fb4cd).
    static let vectors: [([UInt8], String)] = [
        (Array("Hello World!".utf8), "2NEpo7TZRRrLZSi2U"),
        (Array("The quick brown fox jumps over the lazy dog.".utf8),
         "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z"),
        ([0x00, 0x00, 0x28, 0x7f, 0xb4, 0xcd], "11233QC4"),
    ]

    @Test("matches the published base58 examples, both ways")
    func publishedExamples() throws {
        for (bytes, text) in Self.vectors {
            #expect(Base58BTC.encode(bytes) == text)
            #expect(try Base58BTC.decode(text) == bytes)
        }
    }

    @Test("writes each leading zero byte as '1'")
    func leadingZeros() throws {
        #expect(Base58BTC.encode([UInt8]()) == "")
        #expect(Base58BTC.encode([0]) == "1")
        #expect(Base58BTC.encode([0, 0, 0]) == "111")
        #expect(Base58BTC.encode([0, 0, 1]) == "112")
        #expect(try Base58BTC.decode("111") == [0, 0, 0])
        #expect(try Base58BTC.decode("") == [])
    }

    @Test("rejects characters outside the Bitcoin alphabet (0, O, I, l)")
    func rejectsOutsideAlphabet() {
        for bad in ["0", "2NEpo7TZRRrLZSi2O", "I1", "l", "2NEp o7", "z+"] {
            #expect(throws: PrimitivesError.invalidEncoding(""), "\(bad)") { try Base58BTC.decode(bad) }
        }
    }

    @Test("refuses text longer than its bound before decoding it (the decoding is quadratic)")
    func refusesOverlongText() throws {
        let longest = String(repeating: "z", count: Base58BTC.maximumDecodedLength)
        #expect(try Base58BTC.decode(longest).count > 2900)
        let megabyte = String(repeating: "z", count: 1 << 20)
        #expect(throws: PrimitivesError.invalidEncoding(""), "a 1 MiB base58 text") { try Base58BTC.decode(megabyte) }
        #expect(throws: PrimitivesError.invalidEncoding(""), "multibase too") { try Multibase.decode("z" + megabyte) }
    }
}
