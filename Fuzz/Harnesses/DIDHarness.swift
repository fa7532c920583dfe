import DID
import Primitives

/// DID and DID URL syntax, did:key identifiers and DID documents: a parsed identifier prints
/// as text that parses to the same identifier.
enum DIDHarness {
    static func run(_ input: [UInt8]) {
        let text = FuzzInput.text(input)
        if let did = try? DID(parsing: text) {
            FuzzCheck.require((try? DID(parsing: did.description)) == did, "a DID re-parses from its text")
            if let key = try? DIDKey(did) {
                FuzzCheck.require((try? DIDKey(parsing: did.description)) == key, "a did:key re-parses from its text")
            }
        }
        if let url = try? DIDURL(parsing: text) {
            FuzzCheck.require((try? DIDURL(parsing: url.description)) == url, "a DID URL re-parses from its text")
            _ = url.versionTime
            _ = (try? DIDURL(parsing: "#key-1", relativeTo: url.did))
        }
        _ = try? DIDKey(parsing: text)
        if let document = try? DIDDocument(parsing: text) {
            _ = try? document.validateStructure()
            FuzzCheck.require((try? DIDDocument(json: document.jsonValue)) != nil, "a DID document re-reads from its JSON")
        }
    }
}
