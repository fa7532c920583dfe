import Testing
import Primitives
import TestVectors
@testable import Credentials

struct BitstringStatusListEntryTests {
    /// The credentialStatus of the Recommendation's Example 1 (BitstringStatusListEntry),
    /// transcribed: the vectors folder holds no credential with a credentialStatus.
    static let recExample1 = """
        {"id": "https://example.com/credentials/status/3#94567", "type": "BitstringStatusListEntry",
         "statusPurpose": "revocation", "statusListIndex": "94567",
         "statusListCredential": "https://example.com/credentials/status/3"}
        """

    @Test("parses the Recommendation's example entry and writes it back unchanged")
    func recommendationExample() throws {
        let json = try JSONValue(parsing: Self.recExample1)
        let entry = try BitstringStatusListEntry(json: json)
        #expect(entry.id == "https://example.com/credentials/status/3#94567")
        #expect(entry.statusPurpose == .revocation)
        #expect(entry.statusListIndex == 94_567)
        #expect(entry.statusListCredential == "https://example.com/credentials/status/3")
        #expect(entry.statusSize == 1)
        #expect(entry.jsonValue == json)
    }

    @Test("the test suite's validVc.json is a credential without a credentialStatus member")
    func testSuiteCredential() throws {
        let vc = try JSONValue(parsing: Vectors.text("bitstring-status-list/test-suite/tests/validVc.json"))
        #expect(vc["type"]?[0]?.stringValue == "VerifiableCredential")
        #expect(vc["credentialStatus"] == nil)
    }

    @Test("round-trips an entry with statusSize and a custom purpose")
    func roundTrip() throws {
        let entry = try BitstringStatusListEntry(statusPurpose: StatusPurpose("x-audit"), statusListIndex: 0,
                                                 statusListCredential: "did:example:123", statusSize: 2)
        #expect(entry.jsonValue["statusSize"] == .number(2))
        #expect(entry.jsonValue["id"] == nil)
        #expect(try BitstringStatusListEntry(json: entry.jsonValue) == entry)
    }

    @Test("refuses each missing or malformed member")
    func refusals() throws {
        let base = try JSONValue(parsing: Self.recExample1).objectValue!
        let edits: [(String, JSONValue?)] = [
            ("type", nil), ("type", "StatusList2021Entry"), ("type", .array(["BitstringStatusListEntry"])),
            ("id", .number(1)), ("id", "relative/path"),
            ("statusPurpose", nil), ("statusPurpose", ""), ("statusPurpose", .number(1)),
            ("statusListIndex", nil), ("statusListIndex", .number(94_567)), ("statusListIndex", ""),
            ("statusListIndex", "-1"), ("statusListIndex", "+5"), ("statusListIndex", "1e3"),
            ("statusListIndex", "99999999999999999999"), ("statusListIndex", "١٢"),
            ("statusListCredential", nil), ("statusListCredential", "status/3"),
            ("statusListCredential", "https://example.com/a b"), ("statusListCredential", ":no-scheme"),
            ("statusListCredential", "1http://example.com"), ("statusListCredential", "ht*tp://example.com"),
            ("statusListCredential", "https:"), ("statusListCredential", "https://example.com/a\u{3000}b"),
            ("statusListCredential", "https://example.com/a\tb"),
            ("statusSize", .number(0)), ("statusSize", .number(1.5)), ("statusSize", "2"), ("statusSize", .number(9)),
        ]
        for (key, value) in edits {
            var object = base
            object[key] = value
            #expect(throws: CredentialsError.invalidStatusEntry(""), "\(key) = \(String(describing: value))") {
                try BitstringStatusListEntry(json: .object(object))
            }
        }
        #expect(throws: CredentialsError.invalidStatusEntry("")) { try BitstringStatusListEntry(json: .array([])) }
    }

    @Test("accepts absolute URLs with any RFC 3986 scheme, non-ASCII paths included")
    func absoluteURLs() throws {
        for url in ["did:chancery:local:0xabc/status/revocation/0", "https://例え.jp/lists/1", "urn:uuid:1234", "a+b-c.d:x"] {
            let entry = try BitstringStatusListEntry(statusPurpose: .revocation, statusListIndex: 3, statusListCredential: url)
            #expect(try BitstringStatusListEntry(json: entry.jsonValue).statusListCredential == url)
        }
    }
}
