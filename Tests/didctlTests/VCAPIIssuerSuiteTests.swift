import Foundation
import Primitives
import Testing

/// The issuer cases of the public W3C suites against `POST /credentials/issue` of a running
/// node, over a real socket:
/// - w3c-ccg/vc-api-issuer-test-suite at 4aa46e285c24cf1f5afa5bb808bb086a39524f22,
///   `tests/10-issuer.js` and `tests/11-issuer-jwt.js` (the same 13 active cases; their
///   `validVc.json` is a VC 1.1 credential with `issuanceDate` set by `createRequestBody`);
/// - w3c/vc-data-model-2.0-test-suite at 6e075243825f50c79017de4a27089d329c093d0f, the
///   credential fixtures of `tests/input/` (copied to `specs/vectors/vcdm2-suite/`) and the
///   inline `relatedResource` cases of `tests/5-advanced-concepts.js`.
struct VCAPIIssuerSuiteTests {
    /// A node with an issuing account, its token and DID.
    struct Issuer {
        let setup: CredentialCommandTests.Issuing
        let node: RunningNode
        let token: String
        var url: URL { node.url.appendingPathComponent("credentials/issue") }

        init() throws {
            setup = try CredentialCommandTests.Issuing()
            token = try #require(try setup.chain.json(["node", "token", "--account", "university"])["token"] as? String)
            node = try RunningNode(dataDirectory: setup.chain.root, environment: ["CHANCERY_PASSWORD": "pw-university"])
        }

        func stop() {
            node.stop()
            setup.chain.remove()
        }

        /// POSTs `{"credential", "options"}` with the issuer's token: the status and answer.
        func issue(_ credential: Any, options: [String: Any] = [:]) async throws -> (status: Int, body: [String: Any]) {
            let answer = try await NodeCredentialEndpointTests.post(url, ["credential": credential, "options": options], bearer: token)
            return (answer.status, answer.body)
        }
    }

    /// The JSON payload inside an answer's `EnvelopedVerifiableCredential`.
    static func payload(_ body: [String: Any]) throws -> [String: Any] {
        let token = try #require(VCAPIIssue.token(body), "\(body)")
        let bytes = try Base64URL.decode(String(token.split(separator: ".")[1]))
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// The suite's `validVc.json` as `createRequestBody` sends it.
    static func validVC(issuer: String) -> [String: Any] {
        ["@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
         "credentialSubject": ["id": "did:key:z6MkhTNL7i2etLerDK8Acz5t528giE5KA4p75T6ka1E1D74r"],
         "issuanceDate": "2026-01-01T00:00:00Z", "id": "urn:uuid:\(UUID().uuidString.lowercased())", "issuer": issuer]
    }

    @Test("vc-api-issuer-test-suite: 201 with a VC API credential for a valid request; 400 for each malformed credential the suite sends")
    func vcAPIIssuerSuite() async throws {
        let issuer = try Issuer()
        defer { issuer.stop() }
        let valid = Self.validVC(issuer: issuer.setup.issuer)

        // "MUST successfully issue a credential." (shouldBeIssuedVc, read inside the envelope).
        let issued = try await issuer.issue(valid)
        #expect(issued.status == 201, "\(issued.body)")
        let vc = try Self.payload(issued.body)
        #expect(vc["@context"] != nil && (vc["type"] as? [String])?.contains("VerifiableCredential") == true)
        #expect(vc["id"] as? String == valid["id"] as? String && vc["issuer"] as? String == issuer.setup.issuer)
        #expect((vc["credentialSubject"] as? [String: Any])?.isEmpty == false)
        // "credential MAY have property expirationDate".
        var expiring = valid
        expiring["expirationDate"] = "2027-01-01T00:00:00Z"
        #expect(try await issuer.issue(expiring).status == 201)

        // "Request body MUST have property credential."
        let misnamed = try await NodeCredentialEndpointTests.post(issuer.url, ["verifiableCredential": valid], bearer: issuer.token)
        #expect(misnamed.status == 400, "\(misnamed.body)")
        // Each malformed variant: a member removed (nil) or set to a wrong value.
        let variants: [(String, Any?)] = [
            ("@context", nil), ("@context", 4), ("@context", ["foo": true]), ("@context", false), ("@context", NSNull()),
            ("type", nil), ("type", 4), ("type", NSNull()), ("type", true), ("type", [Any]()),
            ("issuer", nil), ("issuer", NSNull()), ("issuer", true), ("issuer", 4), ("issuer", [Any]()),
            ("credentialSubject", nil), ("credentialSubject", NSNull()), ("credentialSubject", true), ("credentialSubject", 4),
            ("credentialSubject", [Any]()), ("credentialSubject", "did:example:1234"),
        ]
        for (member, value) in variants {
            var credential = valid
            credential[member] = value
            let answer = try await issuer.issue(credential)
            #expect(answer.status == 400, "\(member) = \(String(describing: value)): \(answer.body)")
            #expect((answer.body["detail"] as? String)?.contains(member) == true, "\(answer.body)")
        }
    }

    /// The VCDM 2.0 suite's fixtures, found from this file.
    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("specs/vectors/vcdm2-suite")

    /// A fixture as the suite's `createRequestBody` sends it (see VCDMSuiteFixtureTests).
    static func fixture(_ name: String, issuer: String) throws -> [String: Any] {
        let year = 365.0 * 86_400, stamp = ISO8601DateFormatter()
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            .replacingOccurrences(of: "PAST DATE", with: stamp.string(from: Date().addingTimeInterval(-year)))
            .replacingOccurrences(of: "FUTURE DATE", with: stamp.string(from: Date().addingTimeInterval(year)))
        var credential = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        if credential["issuer"] == nil { credential["issuer"] = issuer }
        if var object = credential["issuer"] as? [String: Any], object["id"] == nil {
            object["id"] = issuer
            credential["issuer"] = object
        }
        return credential
    }

    @Test("vc-data-model-2.0-test-suite: every credential fixture is issued (-ok) or refused with 400 (-fail), the JSON-LD ones (a protected type redefined, a type mapped to a non-URL or unmapped) by JSON-LD expansion")
    func dataModelSuite() async throws {
        let issuer = try Issuer()
        defer { issuer.stop() }
        let top = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasPrefix("credential-") && $0.hasSuffix(".json") }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.appendingPathComponent("names-and-descriptions").path)
            .filter { $0.hasSuffix(".json") }.map { "names-and-descriptions/" + $0 }
        let cases = (top + names).sorted()
        #expect(cases.count == 95)
        // The four decided by JSON-LD processing, and the member each refusal names.
        let contextRefusal = "JSON-LD processing of '@context' fails", typeRefusal = "is not mapped to a URL by the credential's '@context'"
        let linkedData = ["credential-redef-type-fail.json": contextRefusal, "credential-redef-type2-fail.json": contextRefusal,
                          "credential-type-mapped-nonurl-fail.json": typeRefusal, "credential-type-unmapped-fail.json": typeRefusal]
        var results: [(String, Int, String)] = []
        // Eight at a time: each issuance anchors on the chain.
        for start in stride(from: 0, to: cases.count, by: 8) {
            let batch = Array(cases[start..<min(start + 8, cases.count)])
            let bodies = try batch.map { try JSONSerialization.data(withJSONObject: ["credential": try Self.fixture($0, issuer: issuer.setup.issuer)]) }
            let (url, token) = (issuer.url, issuer.token)
            results += try await withThrowingTaskGroup(of: (String, Int, String).self) { group in
                for (name, body) in zip(batch, bodies) {
                    group.addTask {
                        let answer = try await NodeCredentialEndpointTests.post(url, try JSONSerialization.jsonObject(with: body), bearer: token)
                        return (name, answer.status, (answer.body["detail"] as? String) ?? "\(answer.body)")
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        for (name, status, body) in results {
            #expect(status == (name.hasSuffix("-ok.json") ? 201 : 400), "\(name): \(body)")
            if let reason = linkedData[name] { #expect(body.contains(reason), "\(name): \(body)") }
        }
    }

    @Test("vc-data-model-2.0-test-suite §5.3: relatedResource objects with a digest are kept; strings, a missing id, a repeated id or no digest are refused")
    func relatedResources() async throws {
        let issuer = try Issuer()
        defer { issuer.stop() }
        let id = "https://www.w3.org/ns/credentials/v2", mediaType = "application/ld+json"
        let sri = "sha384-NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg", multibase = "uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k"
        func credential(_ related: Any) -> [String: Any] {
            ["@context": [VCAPIIssue.context], "type": ["VerifiableCredential"], "issuer": issuer.setup.issuer,
             "credentialSubject": ["name": "Alice"], "relatedResource": related]
        }
        for good: Any in [["id": id, "digestSRI": sri], ["id": id, "digestMultibase": multibase], [["id": id, "mediaType": mediaType, "digestSRI": sri]]] {
            let answer = try await issuer.issue(credential(good))
            #expect(answer.status == 201, "\(answer.body)")
            let kept = try Self.payload(answer.body)["relatedResource"]
            #expect(try JSONValue(parsing: Array(JSONSerialization.data(withJSONObject: kept ?? NSNull()))) == JSONValue(parsing: Array(JSONSerialization.data(withJSONObject: good))))
        }
        for bad: Any in [[id], [["digestMultibase": multibase]], [["id": id, "digestSRI": sri], ["id": id, "digestMultibase": multibase]], [["id": id]]] {
            let answer = try await issuer.issue(credential(bad))
            #expect(answer.status == 400 && (answer.body["detail"] as? String)?.contains("relatedResource") == true, "\(answer.body)")
        }
    }
}
