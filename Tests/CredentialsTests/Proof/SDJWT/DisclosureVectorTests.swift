import Credentials
import Primitives
import Testing

/// RFC 9901 §4.2 and §5.1 Disclosures: contents and digests.
@Suite("SD-JWT Disclosures against RFC 9901")
struct DisclosureVectorTests {
    typealias F = JOSEFixtures

    @Test("every published Disclosure decodes to its contents and hashes to its published digest")
    func published() throws {
        let entries = try #require(try F.json("sd-jwt/rfc9901-disclosures.json").arrayValue)
        #expect(entries.count == 15)
        for entry in entries {
            let disclosure = try Disclosure(parsing: try #require(entry["disclosure"]?.stringValue))
            #expect(disclosure.salt == entry["salt"]?.stringValue)
            #expect(disclosure.claimName == entry["name"]?.stringValue)
            #expect(disclosure.value == entry["value"])
            if let digest = entry["digest"]?.stringValue { #expect(disclosure.digest == digest) }
        }
    }

    @Test("encoding [salt, name, value] compactly gives the RFC's no-white-space variation")
    func encoding() throws {
        let made = Disclosure(salt: "_26bc4LT-ac6q2KI6cBW5es", claimName: "family_name", value: "Möbius")
        #expect(made.encoded == "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsImZhbWlseV9uYW1lIiwiTcO2Yml1cyJd")
        let element = Disclosure(salt: "lklxF5jMYlGTPUovMNIvCA", claimName: nil, value: "FR")
        #expect(try Disclosure(parsing: element.encoded).value == "FR")
        #expect(element.claimName == nil)
    }

    @Test("malformed Disclosures are refused", arguments: [
        "not base64!", "e30", #"["salt"]"#, #"["s","n","v","x"]"#, #"[1,"n","v"]"#, #"["s",2,"v"]"#, #"["s","_sd","v"]"#, #"["s","...","v"]"#,
    ])
    func malformed(_ json: String) {
        let text = json.hasPrefix("[") ? Base64URL.encode(Array(json.utf8)) : json
        #expect(throws: CredentialsError.invalidSDJWT("")) { try Disclosure(parsing: text) }
    }
}
