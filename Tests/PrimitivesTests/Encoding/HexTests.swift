import Testing
@testable import Primitives

struct HexTests {
    @Test("encodes bytes as lowercase hex without a prefix")
    func encodesLowercase() {
        #expect(Hex.encode([0x00, 0x0f, 0xab, 0xff]) == "000fabff")
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test("decodes either case, with or without 0x")
    func decodesCasesAndPrefix() throws {
        #expect(try Hex.decode("000FabfF") == [0x00, 0x0f, 0xab, 0xff])
        #expect(try Hex.decode("0xdeAD") == [0xde, 0xad])
        #expect(try Hex.decode("0XDEAD") == [0xde, 0xad])
        #expect(try Hex.decode("0x") == [])
        #expect(try Hex.decode("") == [])
    }

    @Test("rejects odd lengths, non-hex characters, whitespace and a doubled prefix")
    func rejectsMalformedText() {
        for bad in ["abc", "0xabc", "zz", "ab cd", " abcd", "0x0xab", "ag", "é1"] {
            #expect(throws: PrimitivesError.invalidEncoding(""), "\(bad)") { try Hex.decode(bad) }
        }
    }
}
