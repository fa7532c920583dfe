import Foundation
import Primitives
import Testing

/// `POST /credentials/issue` keeps the credential it is sent, adds only what the node must, and
/// refuses what the authenticated account may not issue, over a real socket.
struct VCAPIIssuerTests {
    typealias Issuer = VCAPIIssuerSuiteTests.Issuer

    /// `value` as a `JSONValue`, for comparing members whatever Foundation made of them.
    static func json(_ value: Any?) throws -> JSONValue {
        try JSONValue(parsing: Array(JSONSerialization.data(withJSONObject: value ?? NSNull(), options: .fragmentsAllowed)))
    }

    @Test("every member given is kept; the node adds the options' id, its status entries after the given one, its anchor after the given evidence")
    func keepsEveryMember() async throws {
        let issuer = try Issuer()
        defer { issuer.stop() }
        let degree: [String: Any] = ["name": "Alice", "degree": "MSc", "year": 2026]
        let credential: [String: Any] = [
            "@context": [VCAPIIssue.context, ["Diploma": "https://example.org/#Diploma"]], "type": ["VerifiableCredential", "Diploma"],
            "issuer": ["id": issuer.setup.issuer, "name": ["@value": "University", "@language": "en"]],
            "name": "Diploma", "description": [["@value": "Diploma", "@language": "en"], ["@value": "Diplôme", "@language": "fr"]],
            "validFrom": "2026-01-01T00:00:00Z", "validUntil": "2030-01-01T00:00:00Z",
            "credentialSubject": [degree.merging(["id": issuer.setup.holder]) { $1 }, ["name": "Bob", "degree": "PhD", "year": 2025]],
            "credentialSchema": [["id": issuer.setup.cpt, "type": "JsonSchema"], ["id": "https://example.org/schemas/diploma.json", "type": "JsonSchema"]],
            "credentialStatus": ["id": "https://example.org/status/1", "type": "ExampleStatus"],
            "relatedResource": [["id": "https://example.org/diploma.pdf", "digestSRI": "sha256-abc"]],
            "termsOfUse": ["type": "OdrlPolicy2017"], "refreshService": ["type": "ExampleRefresh", "id": "https://example.org/refresh"],
            "evidence": ["type": "DocumentVerification", "id": "https://example.org/evidence/1"],
        ]
        let id = "urn:uuid:\(UUID().uuidString.lowercased())"
        let answer = try await issuer.issue(credential, options: ["credentialId": id, "unknownOption": true])
        #expect(answer.status == 201, "\(answer.body)")
        let envelope = try #require(answer.body["verifiableCredential"] as? [String: Any])
        #expect(envelope["type"] as? String == "EnvelopedVerifiableCredential" && (envelope["id"] as? String)?.hasPrefix("data:application/vc+jwt,") == true)
        let issued = try VCAPIIssuerSuiteTests.payload(answer.body)
        for (member, value) in credential where !["credentialStatus", "evidence"].contains(member) {
            #expect(try Self.json(issued[member]) == Self.json(value), "\(member)")
        }
        #expect(issued["id"] as? String == id)
        let status = try #require(issued["credentialStatus"] as? [[String: Any]])
        #expect(status.count == 3 && status[0]["type"] as? String == "ExampleStatus" && status[1]["type"] as? String == "BitstringStatusListEntry")
        let evidence = try #require(issued["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["type"] as? String } == ["DocumentVerification", "ChanceryAnchorEvidence"])
        #expect(Set(issued.keys) == Set(credential.keys).union(["id"]))
    }

    @Test("a credential with evidence of its own verifies as JWT; SD-JWT answers a vc+sd-jwt envelope that verifies")
    func issuedCredentialsVerify() async throws {
        let issuer = try Issuer()
        defer { issuer.stop() }
        let verify = issuer.node.url.appendingPathComponent("credentials/verify")
        var credential = VCAPIIssue.body(issuer: issuer.setup.issuer, subject: ["id": issuer.setup.holder, "name": "Alice", "degree": "MSc", "year": 2026],
                                         schema: issuer.setup.cpt)["credential"] as! [String: Any]
        credential["evidence"] = [["type": "DocumentVerification", "verifier": "https://example.org/registrar"]]
        for format in ["jwt", "sd-jwt"] {
            let answer = try await issuer.issue(credential, options: ["format": format])
            #expect(answer.status == 201, "\(format): \(answer.body)")
            let envelope = try #require(answer.body["verifiableCredential"] as? [String: Any])
            #expect((envelope["id"] as? String)?.hasPrefix(format == "jwt" ? "data:application/vc+jwt," : "data:application/vc+sd-jwt,") == true)
            let verified = try await NodeCredentialEndpointTests.post(verify, ["verifiableCredential": envelope])
            #expect(verified.status == 200, "\(format): \(verified.body)")
        }
    }

    @Test("refused: another DID as issuer (422), no issuer (400), an unknown format (400), a bad credentialId (400), a subject the CPT refuses (422), an unregistered CPT (422)")
    func refusals() async throws {
        let issuer = try Issuer()
        defer { issuer.stop() }
        let subject: [String: Any] = ["name": "Alice", "degree": "MSc", "year": 2026]
        func credential(issuer did: String?, subjects: Any = subject, schema: String? = nil) -> [String: Any] {
            var body = VCAPIIssue.body(issuer: did ?? "", subject: [:], schema: schema)["credential"] as! [String: Any]
            body["credentialSubject"] = subjects
            if did == nil { body.removeValue(forKey: "issuer") }
            return body
        }
        let other = try await issuer.issue(credential(issuer: issuer.setup.holder))
        #expect(other.status == 422 && (other.body["detail"] as? String)?.contains("issuer") == true, "\(other.body)")
        let otherObject = try await issuer.issue(credential(issuer: nil).merging(["issuer": ["id": issuer.setup.holder]]) { $1 })
        #expect(otherObject.status == 422, "\(otherObject.body)")
        let missing = try await issuer.issue(credential(issuer: nil))
        #expect(missing.status == 400 && (missing.body["detail"] as? String)?.contains("issuer") == true, "\(missing.body)")
        let format = try await issuer.issue(credential(issuer: issuer.setup.issuer), options: ["format": "ldp_vc"])
        #expect(format.status == 400 && (format.body["detail"] as? String)?.contains("options.format") == true, "\(format.body)")
        let badID = try await issuer.issue(credential(issuer: issuer.setup.issuer), options: ["credentialId": "not a url"])
        #expect(badID.status == 400 && (badID.body["detail"] as? String)?.contains("credentialId") == true, "\(badID.body)")
        let refused = try await issuer.issue(credential(issuer: issuer.setup.issuer, subjects: [subject, ["name": "Bob", "degree": "Diploma", "year": 2026]],
                                                        schema: issuer.setup.cpt))
        #expect(refused.status == 422 && (refused.body["detail"] as? String)?.contains("credentialSubject[1]") == true, "\(refused.body)")
        let unregistered = try await issuer.issue(credential(issuer: issuer.setup.issuer, schema: "urn:chancery:cpt:9999:1"))
        #expect(unregistered.status == 422 && (unregistered.body["detail"] as? String)?.contains("not registered") == true, "\(unregistered.body)")
        let anchor = try await issuer.issue(credential(issuer: issuer.setup.issuer).merging(["evidence": ["type": "ChanceryAnchorEvidence"]]) { $1 })
        #expect(anchor.status == 400, "\(anchor.body)")
    }
}
