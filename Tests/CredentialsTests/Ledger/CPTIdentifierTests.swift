import Credentials
import Testing

/// The text form of CPT identifiers.
struct CPTIdentifierTests {
    @Test("urn:chancery:cpt:<number>:<version> parses and prints back")
    func roundTrip() throws {
        let id = try CPTIdentifier(parsing: "urn:chancery:cpt:1000:2")
        #expect(id == CPTIdentifier(number: 1000, version: 2))
        #expect(id.description == "urn:chancery:cpt:1000:2")
        #expect(CPTIdentifier(number: 1000, version: 1) < id)
    }

    @Test("other prefixes, leading zeros, version 0, signs and extra parts are refused",
          arguments: ["urn:chancery:cpt:1000", "urn:chancery:cpt:01000:1", "urn:chancery:cpt:1000:0", "urn:chancery:cpt:+1:1",
                      "urn:chancery:cpt:1000:1:1", "urn:weid:cpt:1000:1", "urn:chancery:cpt::1", "urn:chancery:cpt:1000:x"])
    func refused(_ text: String) {
        #expect(throws: CredentialsError(.invalidCPTIdentifier, "")) { try CPTIdentifier(parsing: text) }
        #expect(CPTIdentifier(text) == nil)
    }
}
