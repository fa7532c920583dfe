import Node
import Credentials
import DID
import Foundation
import Primitives
import Testing

/// `didctl credential verify` where there is no chain: a did:key issuer's credential verifies
/// as far as no chain is needed, and the checks that read one say so.
struct ChainlessVerifyTests {
    /// An eddsa-jcs-2022 credential by a fresh did:key issuer, with a revocation entry when asked.
    static func credential(withStatus: Bool) throws -> String {
        let key = Ed25519PrivateKey()
        let issuer = try DIDKey(publicKey: .ed25519(key.publicKey)).did.description
        var credential: JSONObject = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                                      "issuer": .string(issuer), "validFrom": "2026-01-01T00:00:00Z",
                                      "credentialSubject": ["id": "did:example:ada", "name": "Ada"]]
        if withStatus {
            credential["credentialStatus"] = ["id": .string(issuer + "/status/revocation/0#3"), "type": "BitstringStatusListEntry",
                                              "statusPurpose": "revocation", "statusListIndex": "3",
                                              "statusListCredential": .string(issuer + "/status/revocation/0")]
        }
        let method = issuer + "#" + String(issuer.dropFirst("did:key:".count))
        let signed = try DataIntegrity.sign(document: .object(credential), options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: method), key: key)
        return String(decoding: signed.serialized(), as: UTF8.self)
    }

    @Test("without a chain a did:key credential verifies under the standard policy, its status check reported as needing a chain; accredited refuses it")
    func verifiesWithoutAChain() throws {
        let empty = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let plain = empty.appendingPathComponent("plain.json"), withStatus = empty.appendingPathComponent("status.json")
        try Data(try Self.credential(withStatus: false).utf8).write(to: plain)
        try Data(try Self.credential(withStatus: true).utf8).write(to: withStatus)

        let standard = try Didctl.run(["credential", "verify", plain.path, withStatus.path, "--json", "--data-dir", empty.path])
        #expect(standard.status == 0, "\(standard.stdout) \(standard.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(standard.stdout.utf8)) as? [[String: Any]])
        #expect(results.count == 2 && results.allSatisfy { $0["verified"] as? Bool == true })
        let status = (results[1]["checks"] as? [[String: Any]])?.first { $0["check"] as? String == "status" }
        #expect(status?["outcome"] as? String == "notApplicable" && status?["code"] as? String == "needsChain", "\(String(describing: status))")
        #expect(!FileManager.default.fileExists(atPath: empty.appendingPathComponent("ledger.sqlite").path))

        let text = try Didctl.run(["credential", "verify", withStatus.path, "--data-dir", empty.path])
        #expect(text.status == 0 && text.stdout.contains("needs a chain") && text.stderr.contains("No chain"), "\(text.stdout) \(text.stderr)")
        let accredited = try Didctl.run(["credential", "verify", withStatus.path, "--policy", "accredited", "--data-dir", empty.path])
        #expect(accredited.status == 1, "\(accredited.stdout)")
    }

    @Test("without a chain a did:key holder's presentation verifies against the caller's challenge; another challenge is challengeMismatch")
    func presentationWithoutAChain() throws {
        let empty = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let holderKey = Ed25519PrivateKey()
        let holder = try DIDKey(publicKey: .ed25519(holderKey.publicKey))
        let credential = try JSONValue(parsing: Array(try Self.credential(withStatus: false).utf8))
        let presentation: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                                       "holder": .string(holder.did.description), "verifiableCredential": [credential]]
        let options = DataIntegrityProof.Options(cryptosuite: .eddsaJCS2022, verificationMethod: holder.verificationMethodID.description,
                                                 proofPurpose: "authentication", challenge: "caller-challenge-7")
        let file = empty.appendingPathComponent("vp.json")
        try Data(try DataIntegrity.sign(document: presentation, options: options, key: holderKey).serialized()).write(to: file)

        let verified = try Didctl.run(["presentation", "verify", file.path, "--challenge", "caller-challenge-7", "--json", "--data-dir", empty.path])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(verified.stdout.utf8)) as? [String: Any])
        #expect(result["verified"] as? Bool == true)
        let text = try Didctl.run(["presentation", "verify", file.path, "--challenge", "caller-challenge-7", "--data-dir", empty.path])
        #expect(text.status == 0 && text.stderr.contains("No chain") && text.stdout.contains("VERIFIED"), "\(text.stdout) \(text.stderr)")
        let other = try Didctl.run(["presentation", "verify", file.path, "--challenge", "another", "--json", "--data-dir", empty.path])
        #expect(other.status == 1)
        #expect(other.stdout.contains("challengeMismatch"), "\(other.stdout)")
        #expect(!FileManager.default.fileExists(atPath: empty.appendingPathComponent("ledger.sqlite").path))
    }

    @Test("credential verify --policy NAME --policies FILE applies an operator's policy: a required status check fails a credential without status; unknown names are refused")
    func operatorPolicy() throws {
        let empty = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let plain = empty.appendingPathComponent("plain.json")
        try Data(try Self.credential(withStatus: false).utf8).write(to: plain)
        let file = empty.appendingPathComponent("policies.json")
        try Data(#"{"policies": [{"name": "revocable", "checks": {"validity": "required", "status": "required"}}, {"name": "lenient", "checks": {"validity": "optional"}}]}"#.utf8).write(to: file)

        let lenient = try Didctl.run(["credential", "verify", plain.path, "--policy", "lenient", "--policies", file.path, "--json", "--data-dir", empty.path])
        #expect(lenient.status == 0, "\(lenient.stdout) \(lenient.stderr)")
        let checks = ((try JSONSerialization.jsonObject(with: Data(lenient.stdout.utf8)) as? [[String: Any]])?.first?["checks"] as? [[String: Any]]) ?? []
        #expect(checks.compactMap { $0["check"] as? String } == ["format", "issuer", "proof", "validity"])

        let revocable = try Didctl.run(["credential", "verify", plain.path, "--policy", "revocable", "--policies", file.path, "--json", "--data-dir", empty.path])
        #expect(revocable.status == 1)
        #expect(revocable.stdout.contains("\"required\""), "\(revocable.stdout)")

        let unknown = try Didctl.run(["credential", "verify", plain.path, "--policy", "strict", "--policies", file.path, "--data-dir", empty.path])
        #expect(unknown.status != 0 && unknown.stderr.contains("defines no policy 'strict'"), "\(unknown.stderr)")
        let noFile = try Didctl.run(["credential", "verify", plain.path, "--policy", "strict", "--data-dir", empty.path])
        #expect(noFile.status != 0 && noFile.stderr.contains("--policies"), "\(noFile.stderr)")
    }
}
