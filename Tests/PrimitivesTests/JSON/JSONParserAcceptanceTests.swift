import Primitives
import Testing
import TestVectors

@Suite("Strict JSON parsing: accepted input")
struct JSONParserAcceptanceTests {
    @Test("parses numbers to the correctly rounded double", arguments: [
        ("0", 0.0), ("-0", -0.0), ("1E2", 100), ("1e-2", 0.01), ("0.1", 0.1), ("-12.5e+1", -125),
        ("123456789012345", 123456789012345), ("9007199254740993", 9007199254740992),
        ("9007199254740995", 9007199254740996), ("123456789012345678901234567890", 1.2345678901234568e29),
        ("2.2250738585072011e-308", Double(bitPattern: 0x000F_FFFF_FFFF_FFFF)),
        ("2.2250738585072012e-308", .leastNormalMagnitude), ("4.9406564584124654e-324", .leastNonzeroMagnitude),
        ("1e-400", 0), ("1.7976931348623157e308", 1.7976931348623157e308), ("0.30000000000000004", 0.30000000000000004),
    ] as [(String, Double)])
    func numbers(text: String, expected: Double) throws {
        let parsed = try #require(try JSONValue(parsing: text).doubleValue)
        #expect(parsed.bitPattern == expected.bitPattern)
    }

    @Test("handles extreme number literals without overflow or hang")
    func extremeNumbers() throws {
        #expect(try JSONValue(parsing: "1e-99999999999999999999999") == 0)
        #expect(throws: PrimitivesError.invalidJSON("")) { try JSONValue(parsing: "1e99999999999999999999999") }
        let longInteger = "1" + String(repeating: "0", count: 300_000)
        #expect(throws: PrimitivesError.invalidJSON("")) { try JSONValue(parsing: longInteger) }
        let longFraction = "0." + String(repeating: "0", count: 300_000) + "1"
        #expect(try JSONValue(parsing: longFraction) == 0)
        let longMantissa = "1." + String(repeating: "0", count: 300_000) + "1"
        #expect(try JSONValue(parsing: longMantissa) == 1)
    }

    @Test("decodes every escape, including surrogate pairs")
    func escapes() throws {
        let value = try JSONValue(parsing: #""\"\\\/\b\f\n\r\t\u0000\u00e9\u20AC\ud83d\ude02""#)
        #expect(value == .string("\"\\/\u{8}\u{C}\n\r\t\u{0}é€😂"))
    }

    @Test("parses literals, whitespace and nesting into the expected value")
    func structure() throws {
        let text = " \t\r\n{ \"a\" : [ true , false , null , { } , [ ] ] , \"b\" : \"\" } \n"
        #expect(try JSONValue(parsing: text) == ["a": [true, false, nil, [:], []], "b": ""])
        #expect(try JSONValue(parsing: "\"x\"") == "x")
        #expect(try JSONValue(parsing: "null") == nil)
    }

    @Test("parses bytes from a collection without contiguous storage")
    func nonContiguousInput() throws {
        let bytes = Array(#"{"k":[1,"\u00e9"]}"#.utf8).lazy.map { $0 }
        #expect(try JSONValue(parsing: bytes) == ["k": [1, "é"]])
    }

    @Test("round-trips parse, serialize, parse to an equal value with identical bytes", arguments: JCSTests.vectorNames)
    func roundTripVectors(name: String) throws {
        let first = try JSONValue(parsing: try Vectors.data("jcs-rfc8785/input/\(name).json"))
        let bytes = first.serialized()
        let second = try JSONValue(parsing: bytes)
        #expect(second == first)
        #expect(second.serialized() == bytes)
    }

    @Test("round-trips a value with every kind of member, keeping member order")
    func roundTripRich() throws {
        let text = #"{"z":1,"a":[0.5,-1e-7,1e+300,"\u0001\"x\""],"é":{"e\u0301":null,"":false},"n":-0}"#
        let value = try JSONValue(parsing: text)
        #expect(try JSONValue(parsing: value.serialized()) == value)
        #expect(value.objectValue?.keys == ["z", "a", "é", "n"])
        let serialized = String(decoding: value.serialized(), as: UTF8.self)
        #expect(serialized == "{\"z\":1,\"a\":[0.5,-1e-7,1e+300,\"\\u0001\\\"x\\\"\"],\"é\":{\"e\u{301}\":null,\"\":false},\"n\":0}")
    }
}
