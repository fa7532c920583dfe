import DID
import Testing

// Cases from W3C DID Core 1.0 §3.1 "DID Syntax" (https://www.w3.org/TR/did-core/#did-syntax):
//   did = "did:" method-name ":" method-specific-id ; method-char = %x61-7A / DIGIT
//   method-specific-id = *( *idchar ":" ) 1*idchar ; idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded
// and the DIDs of its examples (Example 1 did:example:123456789abcdefghi, §5.1.1
// did:example:21tDAKCERh95uGgKbJNHYp). Looked up with the search tool: the ABNF as quoted by
// docs.rs/identity-kit (did module) and w3c/did-test-suite issue #72, the §3.2 examples in the
// Chinese translation at blog.csdn.net/weixin_45939713/article/details/141059101.
struct DIDTests {
    @Test("DIDs from DID Core and the did:key vectors parse into method and method-specific id", arguments: [
        ("did:example:123456789abcdefghi", "example", "123456789abcdefghi"),
        ("did:example:21tDAKCERh95uGgKbJNHYp", "example", "21tDAKCERh95uGgKbJNHYp"),
        ("did:web:w3c-ccg.github.io", "web", "w3c-ccg.github.io"),
        ("did:example:a:b:c", "example", "a:b:c"),
        ("did:example::abc", "example", ":abc"),
        ("did:example:abc%20def", "example", "abc%20def"),
        ("did:a1:B.-_", "a1", "B.-_"),
        ("did:chancery:1:0x52908400098527886E0F7030069857D2E4169EE7", "chancery", "1:0x52908400098527886E0F7030069857D2E4169EE7"),
        ("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "key", "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"),
    ])
    func parsesValidDIDs(text: String, method: String, identifier: String) throws {
        let did = try DID(parsing: text)
        #expect(did.method == method)
        #expect(did.methodSpecificID == identifier)
        #expect(did.description == text)
        #expect(try DID(method: method, methodSpecificID: identifier) == did)
    }

    @Test("text that breaks the DID Core ABNF is refused as invalidDid", arguments: [
        "", "did", "did:", "did:example", "did:example:", "did::123", "did:Example:123", "DID:example:123",
        "did:ex-ample:123", "did:ex_ample:123", "did:example:123:", "did:example:abc def", "did:example:abc%2",
        "did:example:abc%zz", "did:example:123#key-1", "did:example:123/path", "did:example:123?versionId=1",
        "did:example:caf\u{e9}", " did:example:123", "did:example:123 ", "did:example:a+b", "did:example:a~b",
        "urn:example:123",
    ])
    func refusesInvalidDIDs(text: String) {
        #expect(throws: DIDError(.invalidDid)) { try DID(parsing: text) }
    }

    @Test("DIDs compare by exact text, so case in the identifier matters")
    func exactComparison() throws {
        let lower = try DID(parsing: "did:example:abc"), upper = try DID(parsing: "did:example:ABC")
        #expect(lower != upper)
        #expect(try DID(parsing: "did:example:abc") == lower)
        #expect(Set([lower, upper, lower]).count == 2)
        #expect(upper < lower)
    }
}
