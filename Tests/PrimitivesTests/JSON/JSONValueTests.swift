import Foundation
import Primitives
import Testing

@Suite("JSON values and objects")
struct JSONValueTests {
    @Test("accessors return the payload of the matching case only")
    func accessors() {
        let value: JSONValue = ["s": "x", "n": 1.5, "b": true, "a": [1, 2], "o": ["k": nil]]
        #expect(value["s"]?.stringValue == "x")
        #expect(value["n"]?.doubleValue == 1.5)
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?.arrayValue == [1, 2])
        #expect(value["a"]?[1] == 2)
        #expect(value["a"]?[2] == nil)
        #expect(value["a"]?[-1] == nil)
        #expect(value["o"]?["k"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["s"]?.doubleValue == nil)
        #expect(value[0] == nil)
        #expect(JSONValue.string("x")["s"] == nil)
    }

    @Test("an object keeps insertion order, replaces in place and removes by exact name")
    func objectMutation() {
        var object: JSONObject = ["b": 1, "a": 2]
        object["c"] = 3
        object["b"] = 4
        #expect(object.keys == ["b", "a", "c"])
        #expect(object.map(\.value) == [4, 2, 3])
        #expect(object.removeValue(forKey: "a") == 2)
        #expect(object.removeValue(forKey: "a") == nil)
        #expect(object.keys == ["b", "c"])
        #expect(object["c"] == 3)
        object["b"] = nil
        #expect(object.keys == ["c"])
        #expect(object.count == 1)
        #expect(!object.isEmpty)
    }

    @Test("an object built from pairs keeps the first position and last value of a repeated name")
    func objectFromPairs() {
        let object = JSONObject([("x", 1), ("y", 2), ("x", 3)])
        #expect(object.keys == ["x", "y"])
        #expect(object["x"] == 3)
    }

    @Test("names and strings compare by Unicode scalars, not canonical equivalence")
    func exactComparison() {
        var object = JSONObject()
        object["\u{E9}"] = 1
        object["e\u{301}"] = 2
        #expect(object.count == 2)
        #expect(object["\u{E9}"] == 1)
        #expect(object["e\u{301}"] == 2)
        #expect(JSONValue.string("\u{E9}") != .string("e\u{301}"))
        #expect(Set<JSONValue>([.string("\u{E9}"), .string("e\u{301}")]).count == 2)
        #expect(JSONValue.object(["\u{E9}": 1]) != .object(["e\u{301}": 1]))
    }

    @Test("object equality and hashing ignore member order")
    func orderInsensitiveEquality() {
        let left: JSONValue = ["a": 1, "b": [true, nil]]
        let right: JSONValue = ["b": [true, nil], "a": 1]
        #expect(left == right)
        #expect(left.hashValue == right.hashValue)
        #expect(left != ["a": 1, "b": [nil, true]])
        #expect(left != ["a": 1])
        #expect(JSONValue.number(0) == .number(-0.0))
    }

    @Test("pretty printing indents two spaces per level as JSON.stringify(v, null, 2)")
    func prettyPrinted() {
        let value: JSONValue = ["a": [1, "x"], "b": [:], "c": [], "d": ["e": nil]]
        let expected = "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": {},\n  \"c\": [],\n  \"d\": {\n    \"e\": null\n  }\n}"
        #expect(value.prettyPrinted() == expected)
        #expect(JSONValue.number(1e21).prettyPrinted() == "1e+21")
    }

    @Test("non-finite numbers, which parsing never yields, serialize as null")
    func nonFinite() {
        #expect(JSONValue.array([.number(.nan), .number(.infinity)]).serialized() == Array("[null,null]".utf8))
        #expect(JCS.canonicalize(.number(-.infinity)) == Array("null".utf8))
    }

    @Test("decodes from Foundation's JSONDecoder into the same value the parser produces")
    func decodable() throws {
        let text = #"{"a":[1,2.5,"x",true,null,{"b":{}}],"c":-3}"#
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(decoded == (try JSONValue(parsing: text)))
    }

    @Test("encodes through Foundation's JSONEncoder into text the parser reads back equal")
    func encodable() throws {
        let value: JSONValue = ["a": [1, 2.5, "x\u{1}", true, nil, ["b": [:]]], "c": -3, "d": []]
        let encoded = try JSONEncoder().encode(value)
        #expect(try JSONValue(parsing: encoded) == value)
    }

    @Test("converts a Codable Swift type to a JSONValue and back")
    func codableBridge() throws {
        struct Claim: Codable, Equatable {
            let id: String
            let level: Int
            let tags: [String]
            let parent: String?
        }
        let claim = Claim(id: "did:example:1", level: 3, tags: ["a", "b"], parent: nil)
        let value = try JSONValue(parsing: try JSONEncoder().encode(claim))
        #expect(value["id"] == "did:example:1")
        #expect(value["level"] == 3)
        #expect(try JSONDecoder().decode(Claim.self, from: Data(value.serialized())) == claim)
    }

    @Test("description is the compact serialization")
    func description() {
        let value: JSONValue = ["k": [1, "v"]]
        #expect(value.description == #"{"k":[1,"v"]}"#)
    }
}
