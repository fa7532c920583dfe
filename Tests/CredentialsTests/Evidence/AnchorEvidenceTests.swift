import Credentials
import Primitives
import Testing

/// The leaf of a signed JOSE payload is found by removing the trailing evidence member from
/// the signed bytes (specs/credentials.md §7), without parsing the entry again.
struct AnchorEvidenceTests {
    private let credential: JSONObject = [
        "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer", "credentialSubject": ["id": "did:example:s1", "name": "Ada"],
    ]

    private func parsed(_ bytes: [UInt8]) throws -> JSONValue {
        try #require(try JSONValue(parsing: bytes).objectValue?["evidence"])
    }

    @Test("the leaf of a payload written by payloadBytes is SHA-256 of the credential's JCS form")
    func leafOfWrittenPayload() throws {
        let tree = try MerkleTree(leafHashes: [Hash.sha256(Array("a".utf8)), Hash.sha256(Array("b".utf8))])
        let entry = AnchorEvidence(root: tree.root, proof: try tree.proof(forLeafAt: 1)).json
        let payload = AnchorEvidence.payloadBytes(credential: credential, entry: entry)
        let leaf = AnchorEvidence.leaf(ofPayload: payload, evidence: try parsed(payload))
        #expect(leaf == Hash.sha256(JCS.canonicalize(.object(credential))))
    }

    @Test("brackets, braces and escaped quotes inside the entry's strings do not end the evidence array early")
    func stringsInsideTheEntryAreSkipped() throws {
        let entry: JSONValue = ["type": "ChanceryAnchorEvidence", "note": "]}\\\"[{ ,\"evidence\":[ ]", "leafIndex": 0]
        let payload = AnchorEvidence.payloadBytes(credential: credential, entry: entry)
        #expect(AnchorEvidence.leaf(ofPayload: payload, evidence: try parsed(payload)) == Hash.sha256(JCS.canonicalize(.object(credential))))
    }

    @Test("a payload whose evidence member is not the last member has no leaf")
    func evidenceNotLast() throws {
        let payload = Array(#"{"evidence":[{"leafIndex":0}],"issuer":"did:example:issuer"}"#.utf8)
        #expect(AnchorEvidence.leaf(ofPayload: payload, evidence: try parsed(payload)) == nil)
    }

    @Test("an evidence member nested in the last top-level member is not taken for the top-level one")
    func nestedEvidenceMember() throws {
        let payload = Array(#"{"issuer":"did:example:issuer","credentialSubject":{"evidence":[1]}}"#.utf8)
        let evidence: JSONValue = [1]
        #expect(AnchorEvidence.leaf(ofPayload: payload, evidence: evidence) == nil)
    }

    @Test("an evidence member that is not an array has no leaf")
    func evidenceNotArray() throws {
        let payload = Array(#"{"issuer":"did:example:issuer","evidence":{"leafIndex":0}}"#.utf8)
        #expect(AnchorEvidence.leaf(ofPayload: payload, evidence: try parsed(payload)) == nil)
    }
}
