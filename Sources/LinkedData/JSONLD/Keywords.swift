/// The JSON-LD 1.1 keywords and the tests on strings the algorithms share.
enum Keywords {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id",
        "@import", "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault",
        "@prefix", "@preserve", "@propagate", "@protected", "@requireAll", "@reverse", "@set", "@type",
        "@value", "@version", "@vocab",
    ]

    static func isKeyword(_ value: String) -> Bool {
        value.utf8.first == UInt8(ascii: "@") && all.contains(value)
    }

    /// `@` followed by one or more ASCII letters: reserved for future keywords, ignored.
    static func hasKeywordForm(_ value: String) -> Bool {
        let bytes = value.utf8
        guard bytes.count > 1, bytes.first == UInt8(ascii: "@") else { return false }
        return bytes.dropFirst().allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }
    }

    static func isBlankNodeIdentifier(_ value: String) -> Bool {
        value.hasPrefix("_:")
    }

    /// An IRI ending with a gen-delim (`:/?#[]@`), usable as a prefix by a simple term.
    static func endsWithGenDelim(_ value: String) -> Bool {
        guard let last = value.utf8.last else { return false }
        return [UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "@")].contains(last)
    }
}
