import Chain
import ChainTestSupport
import DID
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Primitives
import Testing

/// The VC API endpoints over a test backend: statuses and shapes of every answer.
struct CredentialRoutesTests {
    @Test("credential verification answers 200 verified, 422 not verified and 400 malformed, with checks and errors")
    func verifyCredential() async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        try await HTTPTest.server(backend).application().test(.router) { client in
            let good: JSONValue = ["verifiableCredential": ["id": "good"], "options": ["unknownOption": true, "returnResults": 1]]
            try await client.execute(uri: "/credentials/verify", method: .post, body: HTTPTest.body(good)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let body = try HTTPTest.json(response)
                #expect(body["verified"] == true && body["credentialId"] == "good")
                #expect(body["checks"] == [["check": "proof", "verified": true]])
            }
            let bad: JSONValue = ["verifiableCredential": ["id": "bad"]]
            try await client.execute(uri: "/credentials/verify", method: .post, body: HTTPTest.body(bad)) { response in
                try HTTPTest.expectProblem(response, 422)
                let body = try HTTPTest.json(response)
                #expect(body["verified"] == false)
                #expect(body["errors"]?[0]?["check"] == "proof")
                #expect(body["detail"]?.stringValue?.contains("proof") == true)
            }
            let jwt: JSONValue = ["verifiableCredential": "eyJhbGciOiJFUzI1NksifQ.e30.c2ln"]
            try await client.execute(uri: "/credentials/verify", method: .post, body: HTTPTest.body(jwt)) { response in
                try HTTPTest.expectProblem(response, 400)
                #expect(HTTPTest.parsed(response)["verified"] == false)
            }
            for malformed: JSONValue in [["verifiableCredential": 5], ["credential": ["id": "good"]],
                                         ["verifiableCredential": ["id": "good"], "options": "all"], [1, 2]] {
                try await client.execute(uri: "/credentials/verify", method: .post, body: HTTPTest.body(malformed)) { response in
                    try HTTPTest.expectProblem(response, 400)
                }
            }
        }
    }

    @Test("presentation verification passes options.challenge to the backend; a challenge is issued by POST /challenges")
    func verifyPresentation() async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        try await HTTPTest.server(backend).application().test(.router) { client in
            let challenge = try await client.execute(uri: "/challenges", method: .post) { response in
                #expect(response.status == .ok)
                return try HTTPTest.json(response)["challenge"]
            }
            #expect(challenge == "c-1")
            try await client.execute(uri: "/challenges", method: .post, body: HTTPTest.body("{not json")) { response in
                try HTTPTest.expectProblem(response, 400)
            }
            let presented: JSONValue = ["verifiablePresentation": ["id": "good"], "options": ["challenge": challenge!, "domain": "verifier.example"]]
            try await client.execute(uri: "/presentations/verify", method: .post, body: HTTPTest.body(presented)) { response in
                #expect(response.status == .ok)
                #expect(HTTPTest.parsed(response)["verified"] == true)
            }
            let replayed: JSONValue = ["verifiablePresentation": ["id": "good"], "options": ["challenge": "other"]]
            try await client.execute(uri: "/presentations/verify", method: .post, body: HTTPTest.body(replayed)) { response in
                try HTTPTest.expectProblem(response, 422)
                #expect(HTTPTest.parsed(response)["errors"]?[0]?["check"] == "challenge")
            }
            try await client.execute(uri: "/presentations/verify", method: .post,
                                     body: HTTPTest.body(["verifiableCredential": ["id": "good"]])) { response in
                try HTTPTest.expectProblem(response, 400)
            }
        }
    }

    @Test("issuance answers 201 with the credential for the issuer's bearer token, 401 without or with an unknown one, 403 for a token without the right, 422 and 400")
    func issue() async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        try await HTTPTest.server(backend).application().test(.router) { client in
            let request: JSONValue = ["credential": ["credentialSubject": ["id": "did:example:1"]], "options": ["format": "di-eddsa"]]
            try await client.execute(uri: "/credentials/issue", method: .post, headers: [.authorization: "Bearer issuer-token"],
                                     body: HTTPTest.body(request)) { response in
                #expect(response.status == .created)
                #expect(HTTPTest.parsed(response)["verifiableCredential"]?["proof"]?["type"] == "DataIntegrityProof")
            }
            try await client.execute(uri: "/credentials/issue", method: .post, body: HTTPTest.body(request)) { response in
                try HTTPTest.expectProblem(response, 401)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            try await client.execute(uri: "/credentials/issue", method: .post, headers: [.authorization: "Bearer someone-else"],
                                     body: HTTPTest.body(request)) { response in
                try HTTPTest.expectProblem(response, 401)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            try await client.execute(uri: "/credentials/issue", method: .post, headers: [.authorization: "Bearer reader-token"],
                                     body: HTTPTest.body(request)) { response in
                try HTTPTest.expectProblem(response, 403)
            }
            try await client.execute(uri: "/credentials/issue", method: .post, headers: [.authorization: "Bearer issuer-token"],
                                     body: HTTPTest.body(["credential": ["type": ["VerifiableCredential"]]])) { response in
                try HTTPTest.expectProblem(response, 422)
            }
            try await client.execute(uri: "/credentials/issue", method: .post, headers: [.authorization: "Bearer issuer-token"],
                                     body: HTTPTest.body(["credential": "text"])) { response in
                try HTTPTest.expectProblem(response, 400)
            }
        }
        #expect(backend.issued.count == 1 && backend.issued[0].1 == "issuer-token")
    }

    @Test("status updates answer 200, 400 without a purpose, 404 for an unknown credential, 401 without a token; status lists 200 or 404")
    func status() async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        try await HTTPTest.server(backend).application().test(.router) { client in
            let revoke: JSONValue = ["credentialId": "urn:uuid:known", "purpose": "revocation", "value": true]
            try await client.execute(uri: "/credentials/status", method: .post, headers: [.authorization: "Bearer issuer-token"],
                                     body: HTTPTest.body(revoke)) { response in
                #expect(response.status == .ok)
                #expect(HTTPTest.parsed(response)["purpose"] == "revocation" && HTTPTest.parsed(response)["transactionId"] != nil)
            }
            // The HTTP layer reads the body into a typed request: a missing purpose never reaches the node.
            try await client.execute(uri: "/credentials/status", method: .post, headers: [.authorization: "Bearer issuer-token"],
                                     body: HTTPTest.body(["credentialId": "urn:uuid:known", "value": true])) { response in
                try HTTPTest.expectProblem(response, 400)
            }
            try await client.execute(uri: "/credentials/status", method: .post, headers: [.authorization: "Bearer issuer-token"],
                                     body: HTTPTest.body(["credentialId": "urn:uuid:other", "purpose": "revocation", "value": true])) { response in
                try HTTPTest.expectProblem(response, 404)
            }
            try await client.execute(uri: "/credentials/status", method: .post, body: HTTPTest.body(revoke)) { response in
                try HTTPTest.expectProblem(response, 401)
            }
            try await client.execute(uri: "/status-lists/list-1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(HTTPTest.parsed(response)["id"] == "https://node.example/status-lists/list-1")
            }
            try await client.execute(uri: "/status-lists/list-2", method: .get) { response in
                try HTTPTest.expectProblem(response, 404)
            }
        }
    }
}
