import DID
import Testing

// DID URL examples of W3C DID Core 1.0 §3.2 "DID URL Syntax" and §3.2.1 "DID Parameters"
// (https://www.w3.org/TR/did-core/#did-url-syntax): did-url = did path-abempty [ "?" query ]
// [ "#" fragment ] with path, query and fragment per RFC 3986; Examples 2 to 8 below. Sources
// found with the search tool as recorded in DIDTests.swift; the versionTime and
// service/relativeRef examples also appear in w3c/did-resolution pull request 221.
struct DIDURLTests {
    @Test("DID Core DID URL examples split into DID, path, query and fragment and round-trip", arguments: [
        ("did:example:123456/path", "did:example:123456", "/path", nil, nil),
        ("did:example:123456?versionId=1", "did:example:123456", "", "versionId=1", nil),
        ("did:example:123#public-key-0", "did:example:123", "", nil, "public-key-0"),
        ("did:example:123#agent", "did:example:123", "", nil, "agent"),
        ("did:example:123?service=agent&relativeRef=/credentials#degree", "did:example:123", "", "service=agent&relativeRef=/credentials", "degree"),
        ("did:example:123?versionTime=2021-05-10T17:00:00Z", "did:example:123", "", "versionTime=2021-05-10T17:00:00Z", nil),
        ("did:example:123?service=files&relativeRef=/resume.pdf", "did:example:123", "", "service=files&relativeRef=/resume.pdf", nil),
        ("did:example:123/a/b:c@d?x=/?y#f/?g", "did:example:123", "/a/b:c@d", "x=/?y", "f/?g"),
        ("did:example:123#", "did:example:123", "", nil, ""),
    ] as [(String, String, String, String?, String?)])
    func parsesExamples(text: String, did: String, path: String, query: String?, fragment: String?) throws {
        let url = try DIDURL(parsing: text)
        #expect(url.did.description == did)
        #expect(url.path == path)
        #expect(url.query == query)
        #expect(url.fragment == fragment)
        #expect(url.description == text)
        #expect(try DIDURL(parsing: url.description) == url)
    }

    @Test("the DID parameters of DID Core §3.2.1 are read through typed accessors")
    func didParameters() throws {
        let service = try DIDURL(parsing: "did:example:123?service=agent&relativeRef=/credentials#degree")
        #expect(service.service == "agent")
        #expect(service.relativeRef == "/credentials")
        #expect(service.versionId == nil)
        let version = try DIDURL(parsing: "did:example:123456?versionId=1")
        #expect(version.versionId == "1")
        let time = try DIDURL(parsing: "did:example:123?versionTime=2021-05-10T17:00:00Z")
        #expect(time.versionTime == DIDDateTime(secondsSince1970: 1_620_666_000))
        let hashlink = try DIDURL(parsing: "did:example:123?hl=zQmWvQxTqbG2Z9HPJgG57jjwR154cKhbtJenbyYTWkjgF3e")
        #expect(hashlink.hl == "zQmWvQxTqbG2Z9HPJgG57jjwR154cKhbtJenbyYTWkjgF3e")
    }

    @Test("query parameters are percent-decoded while the URL text keeps its escapes")
    func percentDecoding() throws {
        let text = "did:example:123?service=files&relativeRef=%2Fresume%2Epdf&x%3Dy=a%26b&lang=fran%C3%A7ais"
        let url = try DIDURL(parsing: text)
        #expect(url.relativeRef == "/resume.pdf")
        #expect(url.parameter(named: "x=y") == "a&b")
        #expect(url.parameter(named: "lang") == "fran\u{e7}ais")
        #expect(url.queryParameters.map(\.name) == ["service", "relativeRef", "x=y", "lang"])
        #expect(url.description == text)
    }

    @Test("malformed DID URLs and DID parameters are refused as invalidDidUrl", arguments: [
        "did:example:123?versionTime=yesterday", "did:example:123?versionTime=2021-05-10T17:00:00",
        "did:example:123?versionId=1&versionId=2", "did:example:123#frag#more", "did:example:123/pa th",
        "did:example:123?q=%zz", "did:example:123?service=%C3%A9", "did:example:123?x=%FF",
        "did:Example:123#key", "did:example:123#caf\u{e9}", "did:example:#key", "did:example:123/%2",
        "did:example:123?a=\"b\"", "did:example:123#a[1]",
    ])
    func refusesMalformed(text: String) {
        #expect(throws: DIDError(.invalidDidUrl)) { try DIDURL(parsing: text) }
    }

    @Test("relative references resolve against the document's DID as DID Core §3.2.2 shows")
    func relativeReferences() throws {
        let base = try DID(parsing: "did:example:123456789abcdefghi")
        #expect(try DIDURL(parsing: "#key-1", relativeTo: base).description == "did:example:123456789abcdefghi#key-1")
        #expect(try DIDURL(parsing: "?versionId=2", relativeTo: base).versionId == "2")
        #expect(try DIDURL(parsing: "/path", relativeTo: base).path == "/path")
        #expect(try DIDURL(parsing: "did:example:other#k", relativeTo: base).did.methodSpecificID == "other")
        #expect(throws: DIDError(.invalidDidUrl)) { try DIDURL(parsing: "key-1", relativeTo: base) }
    }

    @Test("a DID URL built from components equals the parsed text and knows when it is a bare DID")
    func components() throws {
        let did = try DID(parsing: "did:example:123")
        let built = try DIDURL(did: did, fragment: "key-1")
        #expect(built == (try DIDURL(parsing: "did:example:123#key-1")))
        #expect(!built.isDID)
        #expect(try DIDURL(parsing: "did:example:123").isDID)
        #expect(throws: DIDError(.invalidDidUrl)) { try DIDURL(did: did, path: "no-slash") }
        #expect(throws: DIDError(.invalidDidUrl)) { try DIDURL(did: did, fragment: "a#b") }
    }
}
