import Credentials
import DID
import Foundation
import Primitives
import Testing

/// `node start --context-pins FILE`: an operator's JSON-LD contexts, each pinned by its
/// SHA-256, reach the node's verifier; a file that does not match its pin stops the node.
struct NodeContextPinsTests {
    static let url = "https://contexts.example.org/badges/v1"
    static let context = #"{"@context": {"@version": 1.1, "@protected": true, "badge": "https://contexts.example.org/badges#badge"}}"#

    /// The context file and a pins file naming it with `digest` (its real SHA-256 by default).
    private func pins(in root: URL, digest: String? = nil) throws -> String {
        try Data(Self.context.utf8).write(to: root.appendingPathComponent("badges.jsonld"))
        let sha256 = digest ?? Hex.encode(Hash.sha256(Array(Self.context.utf8)))
        let path = root.appendingPathComponent("pins-\(sha256.prefix(8)).json")
        try Data(#"[{"url": "\#(Self.url)", "file": "badges.jsonld", "sha256": "\#(sha256)"}]"#.utf8).write(to: path)
        return path.path
    }

    @Test("a node started with pinned contexts verifies an eddsa-rdfc-2022 credential naming one over HTTP; a changed context file stops the node at start, naming it")
    func pinnedContextsReachTheVerifier() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [])
        defer { chain.remove() }
        let mismatched = try pins(in: chain.root, digest: String(repeating: "ab", count: 32))
        let refused = try chain.run(["node", "start", "--listen", "127.0.0.1:0", "--context-pins", mismatched])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("badges.jsonld") && refused.stderr.contains("not the pinned"), "\(refused.stderr)")

        let pinsFile = try pins(in: chain.root)
        let key = Ed25519PrivateKey()
        let issuer = try DIDKey(publicKey: .ed25519(key.publicKey))
        let credential: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2", .string(Self.url)], "id": "urn:uuid:5d1c8e2a-8f4b-4b8e-b1f0-2c9d7e6a4b10",
            "type": ["VerifiableCredential"], "issuer": .string(issuer.did.description), "validFrom": "2026-01-01T00:00:00Z",
            "credentialSubject": ["id": "did:example:abcdefgh", "badge": "Open Source Contributor"]]
        let options = DataIntegrityProof.Options(cryptosuite: .eddsaRDFC2022, created: "2026-05-28T20:00:00Z",
                                                 verificationMethod: issuer.verificationMethodID.description, proofPurpose: "assertionMethod")
        let signed = try DataIntegrity.sign(document: credential, options: options, key: .ed25519(key),
                                            canonicalForm: try LinkedDataContexts(pinsFile: pinsFile).canonicalForm)
        let body = try JSONSerialization.jsonObject(with: Data(JSONValue.object(["verifiableCredential": signed]).serialized()))

        let node = try RunningNode(dataDirectory: chain.root, arguments: ["--context-pins", pinsFile])
        defer { node.stop() }
        let answer = try await NodeIssuerFailureTests.post(node.url.appendingPathComponent("credentials/verify"), body, bearer: nil)
        #expect(answer.status == 200, "\(answer.body)")
        #expect(answer.body["verified"] as? Bool == true)

        // Without the pins the same node configuration refuses it, naming the context.
        node.stop()
        let plain = try RunningNode(dataDirectory: chain.root)
        defer { plain.stop() }
        let unpinned = try await NodeIssuerFailureTests.post(plain.url.appendingPathComponent("credentials/verify"), body, bearer: nil)
        #expect(unpinned.status == 422)
        let checks = unpinned.body["checks"] as? [[String: Any]] ?? []
        #expect(checks.contains { $0["check"] as? String == "proof" && $0["code"] as? String == "unknownContext" }, "\(unpinned.body)")
    }
}
