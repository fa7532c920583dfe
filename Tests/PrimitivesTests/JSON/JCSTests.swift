import Foundation
import Primitives
import Testing
import TestVectors

@Suite("JCS canonicalization (RFC 8785)")
struct JCSTests {
    static let vectorNames = ["arrays", "french", "structures", "unicode", "values", "weird"]

    @Test("canonicalizes every published input to exactly the published output bytes", arguments: vectorNames)
    func publishedOutput(name: String) throws {
        let input = try Vectors.data("jcs-rfc8785/input/\(name).json")
        let expected = [UInt8](try Vectors.data("jcs-rfc8785/output/\(name).json"))
        #expect(try JCS.canonicalize(json: input) == expected)
    }

    @Test("canonicalizes every published input to exactly the published hex bytes", arguments: vectorNames)
    func publishedHex(name: String) throws {
        let input = try Vectors.data("jcs-rfc8785/input/\(name).json")
        let hex = try Vectors.text("jcs-rfc8785/outhex/\(name).txt")
        let expected = try hex.split(whereSeparator: \.isWhitespace).map { try #require(UInt8($0, radix: 16)) }
        #expect(!expected.isEmpty)
        #expect(try JCS.canonicalize(json: input) == expected)
    }

    @Test("canonical output is a fixed point of canonicalization", arguments: vectorNames)
    func fixedPoint(name: String) throws {
        let canonical = try JCS.canonicalize(json: try Vectors.data("jcs-rfc8785/input/\(name).json"))
        #expect(try JCS.canonicalize(json: canonical) == canonical)
    }

    @Test("sorts names by UTF-16 code units, so U+10000 (D800 DC00) precedes U+FFFF")
    func utf16Order() throws {
        let value: JSONValue = ["\u{FFFF}": 2, "\u{10000}": 1]
        let expected: [UInt8] = [0x7B, 0x22, 0xF0, 0x90, 0x80, 0x80, 0x22, 0x3A, 0x31, 0x2C,
                                 0x22, 0xEF, 0xBF, 0xBF, 0x22, 0x3A, 0x32, 0x7D]
        #expect(JCS.canonicalize(value) == expected)
        // Swift's own String ordering puts them the other way round, which JCS must not follow.
        #expect("\u{FFFF}" < "\u{10000}")
    }

    @Test("sorts ASCII, Latin-1, astral and private-use names in UTF-16 order")
    func mixedOrder() throws {
        let value: JSONValue = ["\u{E000}": 4, "\u{1F600}": 3, "\u{80}": 2, "a": 1, "B": 0, "": -1]
        let expected = #"{"":-1,"B":0,"a":1,"\#u{80}":2,"\#u{1F600}":3,"\#u{E000}":4}"#
        #expect(JCS.canonicalize(value) == Array(expected.utf8))
    }

    @Test("escapes only quote, backslash and controls, using lowercase \\u00xx for the unnamed ones")
    func stringEscapes() throws {
        let controls = String(decoding: (0x00...0x1F).map { UInt8($0) }, as: UTF8.self)
        let value = JSONValue.string(controls + "\"\\/\u{7F}é€😂</script>")
        let expected = #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#
            + "\\\"\\\\/\u{7F}é€😂</script>\""
        #expect(JCS.canonicalize(value) == Array(expected.utf8))
    }

    @Test("keeps names that differ only by Unicode normalization as two members, in UTF-16 order")
    func normalizationDistinct() throws {
        let canonical = try JCS.canonicalize(json: Array("{\"\u{E9}\":1,\"e\u{301}\":2}".utf8))
        #expect(canonical == Array("{\"e\u{301}\":2,\"\u{E9}\":1}".utf8))
    }

    @Test("writes -0 as 0 and literals and nesting compactly")
    func scalarsAndNesting() throws {
        let value: JSONValue = ["z": [.number(-0.0), 1e21, 1e-7, true, nil, [:], []], "a": "x"]
        #expect(JCS.canonicalize(value) == Array(#"{"a":"x","z":[0,1e+21,1e-7,true,null,{},[]]}"#.utf8))
    }

    @Test("rejects input that is not I-JSON")
    func rejectsInvalidInput() {
        #expect(throws: PrimitivesError.invalidJSON("")) { try JCS.canonicalize(json: Array(#"{"a":1,"a":2}"#.utf8)) }
    }
}
