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

/// `POST /audit/...` with real signed requests against the audit service over a chain.
struct AuditRoutesTests {
    @Test("a regulator's signed link query is recorded on the chain and answered 200 with the member")
    func answered() async throws {
        let fixture = try await NodeFixture()
        let request = try fixture.signedRequest(AuditQuery(.link(fixture.firstTransaction)))
        let height = fixture.chain.node.head.height
        let alice = try await fixture.chain.handle("alice").description
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            try await client.execute(uri: "/audit/link", method: .post, body: .init(bytes: request.body)) { response in
                #expect(response.status == .ok)
                let answer = try HTTPTest.json(response)
                #expect(answer["kind"] == "link" && answer["auditor"] == "regulator")
                #expect(answer["memberHandle"]?.stringValue == alice)
                #expect(answer["memberName"] == "alice")
                #expect(answer["recordHeight"] == .number(Double(height + 1)))
            }
            let log = try fixture.signedRequest(AuditQuery(.log))
            try await client.execute(uri: "/audit/log", method: .post, body: .init(bytes: log.body)) { response in
                #expect(response.status == .ok)
                #expect(HTTPTest.parsed(response)["queries"]?.arrayValue?.count == 2)
            }
        }
        #expect(fixture.chain.node.head.height == height + 2)
    }

    @Test("unsigned, badly signed or stale requests and unknown auditor ids are 401; a kind for another path is 400; nothing is recorded")
    func refused() async throws {
        let fixture = try await NodeFixture()
        let query = AuditQuery(.link(fixture.firstTransaction))
        let valid = try fixture.signedRequest(query)
        let height = fixture.chain.node.head.height
        var unsigned = try #require(try JSONValue(parsing: valid.body).objectValue)
        unsigned.removeValue(forKey: "signature")
        var shortSignature = unsigned
        shortSignature["signature"] = "AAAA"
        let wrongKey = try fixture.signedRequest(query, key: Secp256k1PrivateKey())
        let stale = try fixture.signedRequest(query, time: fixture.chain.clock.nowMilliseconds() - 10 * 60 * 1000)
        let stranger = try fixture.signedRequest(query, auditor: "stranger", key: Secp256k1PrivateKey())
        let cases = [(JSONValue.object(unsigned).serialized(), 401), (JSONValue.object(shortSignature).serialized(), 401),
                     (wrongKey.body, 401), (stale.body, 401), (stranger.body, 401)]
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            for (body, status) in cases {
                try await client.execute(uri: "/audit/link", method: .post, body: .init(bytes: body)) { response in
                    try HTTPTest.expectProblem(response, status)
                }
            }
            try await client.execute(uri: "/audit/trace", method: .post, body: .init(bytes: valid.body)) { response in
                try HTTPTest.expectProblem(response, 400)
            }
            try await client.execute(uri: "/audit/link", method: .post, body: HTTPTest.body(["query": ["kind": "link"], "signature": .string(Base64URL.encode(valid.signature))])) { response in
                try HTTPTest.expectProblem(response, 400)
            }
        }
        #expect(fixture.chain.node.head.height == height)
    }

    @Test("an unknown auditor id and a known one with a bad signature get the same answer, so ids cannot be enumerated")
    func noEnumeration() async throws {
        let fixture = try await NodeFixture()
        let query = AuditQuery(.link(fixture.firstTransaction))
        let wrongKey = try fixture.signedRequest(query, key: Secp256k1PrivateKey())
        let stranger = try fixture.signedRequest(query, auditor: "stranger", key: Secp256k1PrivateKey())
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            let known = try await client.execute(uri: "/audit/link", method: .post, body: .init(bytes: wrongKey.body))
            let unknown = try await client.execute(uri: "/audit/link", method: .post, body: .init(bytes: stranger.body))
            #expect(known.status == unknown.status)
            #expect(HTTPTest.text(known) == HTTPTest.text(unknown))
            #expect(!HTTPTest.text(unknown).contains("stranger") && !HTTPTest.text(known).contains("regulator"))
        }
    }

    @Test("a replayed audit request is refused 409 with a reason, and is not recorded twice")
    func replayIsConflict() async throws {
        let fixture = try await NodeFixture()
        let request = try fixture.signedRequest(AuditQuery(.log))
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            try await client.execute(uri: "/audit/log", method: .post, body: .init(bytes: request.body)) { response in
                #expect(response.status == .ok)
            }
            let height = fixture.chain.node.head.height
            try await client.execute(uri: "/audit/log", method: .post, body: .init(bytes: request.body)) { response in
                try HTTPTest.expectProblem(response, 409)
                #expect(HTTPTest.parsed(response)["detail"]?.stringValue?.contains("already") == true, "\(HTTPTest.text(response))")
            }
            #expect(fixture.chain.node.head.height == height)
        }
    }
}
