import Chain
import ChainTestSupport
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import KeyCustody
import NIOCore
import Node
import Primitives
import Testing

/// `POST /membership/certificates`, `POST /transactions` and `GET /transactions/{id}` over a
/// real socket, with the node's own use cases over a real chain: the client generates and
/// signs everything; the node sees no private key.
struct TransactionRoutesTests {
    /// A `test.put` transaction signed by the client with a one-time key the node certified over HTTP.
    private static func clientSigned(_ text: String, fixture: NodeFixture, client: some TestClientProtocol) async throws -> Transaction {
        let (keys, request) = try await fixture.chain.request("alice", count: 1)
        let certified = try await client.execute(uri: "/membership/certificates", method: .post, body: HTTPTest.body(request.json)) {
            try HTTPTest.json($0)
        }
        let entries = try #require(certified["certificates"]?.arrayValue)
        try #require(entries.count == 1)
        #expect(entries[0]["oneTimeKey"]?.stringValue == Hex.encode(keys[0].publicKey))
        let issued = try entries.map { entry in
            (certificate: try Hex.decode(entry["certificate"]?.stringValue ?? ""), envelope: try Hex.decode(entry["envelope"]?.stringValue ?? ""))
        }
        let epoch = try #require(certified["epoch"]?.doubleValue.flatMap { UInt64(exactly: $0) })
        let credential = OneTimeKeyIssuer.credentials(keys: keys, epoch: epoch, issued: issued)[0]
        return try Transaction(type: TestPutHandler.transactionType, body: Array(text.utf8), chainId: fixture.chain.chainId,
                               oneTimeKey: credential)
    }

    private static func submission(_ transaction: Transaction) -> ByteBuffer {
        HTTPTest.body(["transaction": .string(Base64URL.encode(transaction.encoded))])
    }

    @Test("a transaction the client signed under keys the node certified is committed: 200 with its block, then GET gives the same receipt")
    func committed() async throws {
        let fixture = try await NodeFixture()
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.live) { client in
            let transaction = try await Self.clientSigned("hello", fixture: fixture, client: client)
            let receipt = try await client.execute(uri: "/transactions", method: .post, body: Self.submission(transaction)) { response in
                #expect(response.status == .ok)
                return try HTTPTest.json(response)
            }
            let location = try #require(try fixture.chain.store.location(of: transaction.id))
            let header = try #require(try fixture.chain.store.signedHeader(at: location.height))
            #expect(receipt["transactionId"]?.stringValue == transaction.id.description)
            #expect(receipt["state"] == "committed")
            #expect(receipt["height"] == .number(Double(location.height)))
            #expect(receipt["index"] == .number(Double(location.index)))
            #expect(receipt["blockHash"]?.stringValue == Hex.encode(header.hash))
            try await client.execute(uri: "/transactions/\(transaction.id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(HTTPTest.parsed(response) == receipt)
            }
            // The key is spent: the same bytes again are refused with the chain's code.
            try await client.execute(uri: "/transactions", method: .post, body: Self.submission(transaction)) { response in
                try HTTPTest.expectProblem(response, 422)
                #expect(HTTPTest.parsed(response)["type"] == "urn:chancery:problem:spentOneTimeKey")
            }
        }
        #expect(try fixture.chain.store.value(namespace: "test", key: Hash.sha256(Array("hello".utf8))) == Array("hello".utf8))
    }

    @Test("Prefer: respond-async answers 202 with the transaction's location, whose state becomes committed, or refused with the code")
    func accepted() async throws {
        let fixture = try await NodeFixture()
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.live) { client in
            let transaction = try await Self.clientSigned("later", fixture: fixture, client: client)
            try await client.execute(uri: "/transactions", method: .post, headers: [NodeHTTPServer.prefer: "respond-async"],
                                     body: Self.submission(transaction)) { response in
                #expect(response.status == .accepted)
                #expect(response.headers[.location] == "/transactions/\(transaction.id)")
                #expect(HTTPTest.parsed(response)["state"] == "pending")
            }
            var state: JSONValue = .null
            for _ in 0..<200 {
                state = try await client.execute(uri: "/transactions/\(transaction.id)", method: .get) { try HTTPTest.json($0) }
                if state["state"] == "committed" { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(state["state"] == "committed")
            let location = try #require(try fixture.chain.store.location(of: transaction.id))
            #expect(state["height"] == .number(Double(location.height)))

            // Passes the stateless checks, then the handler refuses it when applied.
            let refused = try await Self.clientSigned("refuse me", fixture: fixture, client: client)
            try await client.execute(uri: "/transactions", method: .post, headers: [NodeHTTPServer.prefer: "respond-async"],
                                     body: Self.submission(refused)) { #expect($0.status == .accepted) }
            for _ in 0..<200 {
                state = try await client.execute(uri: "/transactions/\(refused.id)", method: .get) { try HTTPTest.json($0) }
                if state["state"] != "pending" { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(state["state"] == "refused")
            #expect(state["code"] == "unauthorized")
            #expect(try fixture.chain.store.location(of: refused.id) == nil)
        }
    }

    @Test("bad submissions: not base64url or not a transaction is 400, a forged signature 422 badSignature, an unknown id 404, a bad id 400")
    func refused() async throws {
        let fixture = try await NodeFixture()
        let height = fixture.chain.node.head.height
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.live) { client in
            for body: JSONValue in [["transaction": "not base64!"], ["transaction": .string(Base64URL.encode([1, 2, 3]))], ["tx": "AAAA"]] {
                try await client.execute(uri: "/transactions", method: .post, body: HTTPTest.body(body)) { try HTTPTest.expectProblem($0, 400) }
            }
            let transaction = try await Self.clientSigned("forged", fixture: fixture, client: client)
            var forged = transaction.encoded
            forged[forged.count - 1] ^= 1
            try await client.execute(uri: "/transactions", method: .post,
                                     body: HTTPTest.body(["transaction": .string(Base64URL.encode(forged))])) { response in
                try HTTPTest.expectProblem(response, 422)
                #expect(HTTPTest.parsed(response)["type"] == "urn:chancery:problem:badSignature")
            }
            try await client.execute(uri: "/transactions/\(String(repeating: "ab", count: 32))", method: .get) { try HTTPTest.expectProblem($0, 404) }
            try await client.execute(uri: "/transactions/xyz", method: .get) { try HTTPTest.expectProblem($0, 400) }
        }
        #expect(fixture.chain.node.head.height == height)
    }

    @Test("certificates are refused 422 for a request signed by another member's key and 400 for a malformed one")
    func certificatesRefused() async throws {
        let fixture = try await NodeFixture()
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.live) { client in
            let (_, forged) = try await fixture.chain.request("alice", count: 1, signer: "bob")
            try await client.execute(uri: "/membership/certificates", method: .post, body: HTTPTest.body(forged.json)) { response in
                try HTTPTest.expectProblem(response, 422)
                #expect(HTTPTest.parsed(response)["type"]?.stringValue?.hasPrefix("urn:chancery:problem:") == true)
            }
            var missing = try #require(forged.json.objectValue)
            missing.removeValue(forKey: "signature")
            try await client.execute(uri: "/membership/certificates", method: .post, body: HTTPTest.body(.object(missing))) { response in
                try HTTPTest.expectProblem(response, 400)
                #expect(HTTPTest.parsed(response)["detail"]?.stringValue?.contains("signature") == true)
            }
        }
    }
}
