import Primitives
import Testing

@Suite("Strict JSON parsing (RFC 8259, I-JSON)")
struct JSONParserTests {
    @Test("rejects text that is not strict JSON", arguments: [
        "", "   ", "[1,]", #"{"a":1,}"#, "[,1]", "01", "[01]", "-01", "00", "[1 2]", #"{"a" 1}"#, "{a:1}",
        "[1] x", "{} {}", "1 2", "NaN", "Infinity", "-Infinity", "+1", "[.5]", "[1.]", "[1e]", "[1e+]", "[-]",
        "0x10", "tru", "nul", "falsey", "'a'", "// c\n1", "/* c */1", "[", "{", #"{"a""#, #"{"a":"#, "\"abc",
        #""\x""#, #""\u12""#, #""\u12G4""#, "\u{FEFF}1", "\"a\tb\"", "\"a\nb\"", "\"\u{1}\"", "\"\u{0}\"", "\u{0}",
        "[1]\u{0}", "\u{A0}1",
    ])
    func rejectsMalformed(text: String) {
        #expect(throws: PrimitivesError.invalidJSON("")) { try JSONValue(parsing: text) }
    }

    /// Strings are scanned eight bytes at a time until a byte needs a closer look; each such
    /// byte is placed at every position of the first three words, with plain ASCII around it.
    @Test("finds a quote, escape, control, non-ASCII or ill-formed byte at any offset of a long string",
          arguments: 0..<24)
    func stringBytesAtEveryOffset(position: Int) throws {
        let before = Array(repeating: UInt8(ascii: "a"), count: position)
        let after = Array("bcdefghijklmnopqrstuvw".utf8)
        func parse(_ middle: [UInt8]) throws -> JSONValue {
            try JSONValue(parsing: [UInt8(ascii: "\"")] + before + middle + after + [UInt8(ascii: "\"")])
        }
        let plain = String(decoding: before, as: UTF8.self), rest = String(decoding: after, as: UTF8.self)
        // The string ends early at an unescaped quote: the rest is trailing garbage.
        #expect(throws: PrimitivesError.invalidJSON("")) { try parse([UInt8(ascii: "\"")]) }
        #expect(try parse(Array(#"\""#.utf8)) == .string(plain + "\"" + rest))
        #expect(try parse(Array(#"\n"#.utf8)) == .string(plain + "\n" + rest))
        #expect(try parse([0xC3, 0xA9]) == .string(plain + "\u{E9}" + rest))
        #expect(try parse([0xF0, 0x9F, 0x98, 0x80]) == .string(plain + "\u{1F600}" + rest))
        #expect(try parse([0x7F, UInt8(ascii: "~"), UInt8(ascii: " ")]) == .string(plain + "\u{7F}~ " + rest))
        for refused: [UInt8] in [[0x01], [0x1F], [0x0A], [0xFF], [0xC3], [0xED, 0xA0, 0x80]] {
            #expect(throws: PrimitivesError.invalidJSON("")) { try parse(refused) }
        }
        // Unterminated: the scan must stop at the end of the input, not read past it.
        #expect(throws: PrimitivesError.invalidJSON("")) { try JSONValue(parsing: [UInt8(ascii: "\"")] + before + after) }
    }

    @Test("rejects escaped lone surrogates (I-JSON)", arguments: [
        #""\ud800""#, #""\uDBFF""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800x""#, #""\ud800\ud800""#,
        #""\ude02\ud83d""#, #"{"\ud800":1}"#,
    ])
    func rejectsLoneSurrogates(text: String) {
        #expect(throws: PrimitivesError.invalidJSON("")) { try JSONValue(parsing: text) }
    }

    @Test("rejects numbers that overflow a double (I-JSON)", arguments: ["1e400", "-1e400", "[1.8e308]", "1e999999999999"])
    func rejectsOverflow(text: String) {
        #expect(throws: PrimitivesError.invalidJSON("")) { try JSONValue(parsing: text) }
    }

    @Test("rejects duplicate member names (I-JSON), also when nested or escaped differently", arguments: [
        #"{"a":1,"a":2}"#, #"{"a":1,"b":2,"a":1}"#, #"[{"x":{"a":1,"a":1}}]"#, #"{"\u00e9":1,"é":2}"#, #"{"":1,"":2}"#,
    ])
    func rejectsDuplicates(text: String) {
        #expect(throws: PrimitivesError.invalidJSON("")) { try JSONValue(parsing: text) }
    }

    @Test("keeps names differing only by Unicode normalization as two members")
    func normalizationIsNotDuplicate() throws {
        let value = try JSONValue(parsing: "{\"\u{E9}\":1,\"e\u{301}\":2}")
        let object = try #require(value.objectValue)
        #expect(object.count == 2)
        #expect(object["\u{E9}"] == 1)
        #expect(object["e\u{301}"] == 2)
    }

    @Test("rejects ill-formed UTF-8 inside and outside strings", arguments: [
        [0x22, 0xC3, 0x28, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xC1, 0xBF, 0x22], [0x22, 0xE0, 0x80, 0xAF, 0x22],
        [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22],
        [0x22, 0xFF, 0x22], [0x22, 0x80, 0x22], [0x22, 0xE2, 0x82], [0x22, 0xE2, 0x82, 0x22], [0xC3, 0xA9],
        [0x22, 0x5C, 0x6E, 0xF0, 0x9F, 0x98, 0x22], [0xEF, 0xBB, 0xBF, 0x31],
    ] as [[UInt8]])
    func rejectsInvalidUTF8(bytes: [UInt8]) {
        #expect(throws: PrimitivesError.invalidJSON("")) { try JSONValue(parsing: bytes) }
    }

    @Test("accepts well-formed multi-byte UTF-8 at the edges of each range")
    func acceptsUTF8Edges() throws {
        let text = "\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF}"
        #expect(try JSONValue(parsing: "\"\(text)\"") == .string(text))
    }

    @Test("ends 10,000 levels of nesting with an error, not a crash", arguments: ["[", #"{"a":"#])
    func deepNesting(open: String) {
        let text = String(repeating: open, count: 10_000)
        #expect(throws: PrimitivesError.invalidInput("")) { try JSONValue(parsing: text) }
    }

    @Test("accepts nesting up to the depth limit and rejects one level more")
    func depthLimit() throws {
        let limit = JSONParsingLimits.default.maxDepth
        #expect(limit == 128)
        let atLimit = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(try JSONValue(parsing: atLimit).arrayValue?.count == 1)
        let beyond = "[" + atLimit + "]"
        #expect(throws: PrimitivesError.invalidInput("")) { try JSONValue(parsing: beyond) }
        let tight = JSONParsingLimits(maxDepth: 2)
        #expect(try JSONValue(parsing: #"[{"a":1}]"#, limits: tight) == [["a": 1]])
        #expect(throws: PrimitivesError.invalidInput("")) { try JSONValue(parsing: #"[{"a":[]}]"#, limits: tight) }
    }

    @Test("rejects input larger than the size limit")
    func sizeLimit() throws {
        let limits = JSONParsingLimits(maxInputBytes: 8)
        #expect(try JSONValue(parsing: "[1,2,3]", limits: limits) == [1, 2, 3])
        #expect(throws: PrimitivesError.invalidInput("")) { try JSONValue(parsing: "[1,2,3,4]", limits: limits) }
    }

    @Test("names the byte offset and what was expected in the error")
    func errorReason() throws {
        let error = try #require(throws: PrimitivesError.self) { try JSONValue(parsing: "[1,]") }
        #expect(error.reason == "Expected a value at byte offset 3, found ']'.")
        let utf8Error = try #require(throws: PrimitivesError.self) { try JSONValue(parsing: [0x5B, 0x22, 0xFF, 0x22, 0x5D]) }
        #expect(utf8Error.reason == "Expected well-formed UTF-8 at byte offset 2, found byte 0xFF.")
    }
}
