import Primitives
import Testing

@Suite("JSONObject lookups below and above the indexing threshold")
struct JSONObjectIndexTests {
    @Test("members are found, replaced and removed the same way in small and large objects", arguments: [3, 12, 13, 40])
    func lookups(count: Int) {
        var object = JSONObject()
        for index in 0..<count { object["k\(index)"] = .number(Double(index)) }
        #expect(object.count == count)
        for index in 0..<count { #expect(object["k\(index)"] == .number(Double(index))) }
        object["k0"] = "replaced"
        #expect(object["k0"] == "replaced" && object.count == count)
        #expect(object.removeValue(forKey: "k1") == .number(1))
        #expect(object["k1"] == nil && object.count == count - 1)
        for index in 2..<count { #expect(object["k\(index)"] == .number(Double(index)), "after removal, k\(index)") }
        object["k1"] = true
        #expect(object.keys.last == "k1")
    }

    @Test("names are compared byte for byte: a decomposed é is another member")
    func bytewiseNames() {
        var object = JSONObject()
        object["\u{E9}"] = 1
        object["e\u{301}"] = 2
        #expect(object.count == 2)
        #expect(object["\u{E9}"] == 1 && object["e\u{301}"] == 2)
    }

    @Test("a duplicate name is refused by the parser in small and large objects", arguments: [2, 30])
    func duplicates(count: Int) {
        let members = (0..<count).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        #expect(throws: PrimitivesError.self) { try JSONValue(parsing: "{\(members),\"k0\":1}") }
        #expect((try? JSONValue(parsing: "{\(members)}"))?.objectValue?.count == count)
    }
}
