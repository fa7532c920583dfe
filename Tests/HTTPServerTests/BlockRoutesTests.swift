import Chain
import ChainTestSupport
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import Primitives
import Testing

/// `GET /blocks/{height}`: final blocks with their transactions and stored signatures, for a
/// consortium peer catching up after the log was compacted (`specs/consortium.md` §3.3).
struct BlockRoutesTests {
    @Test("final blocks from a height come back whole: their headers, signatures and transactions read back as the stored blocks")
    func finalBlocksAreServedWhole() async throws {
        let fixture = try await NodeFixture()
        let store = fixture.chain.store
        let head = try #require(try store.head()).header.height
        try #require(head >= 1)
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            try await client.execute(uri: "/blocks/0?count=\(head + 5)", method: .get) { response in
                #expect(response.status == .ok)
                let items = try #require(try HTTPTest.json(response)["blocks"]?.arrayValue)
                #expect(items.count == Int(head + 1), "every block to the head, none past it")
                for item in items {
                    let block = try Block(json: item)
                    let stored = try #require(try store.signedHeader(at: block.height))
                    #expect(block.signedHeader == stored)
                    let transactions = try store.transactions(at: block.height)
                    #expect(block.transactions.map(\.id) == transactions.map(\.id))
                    #expect(item["hash"]?.stringValue == Hex.encode(stored.hash))
                }
            }
            try await client.execute(uri: "/blocks/\(head + 1)", method: .get) { response in
                #expect(response.status == .ok)
                let blocks = try HTTPTest.json(response)["blocks"]?.arrayValue
                #expect(blocks?.isEmpty == true, "nothing above the final height")
            }
        }
    }

    @Test("a height that is not a number, or a count out of range, is a 400 problem")
    func malformedRequestsAreRefused() async throws {
        let fixture = try await NodeFixture()
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            for uri in ["/blocks/abc", "/blocks/-1", "/blocks/0?count=0", "/blocks/0?count=1001", "/blocks/0?count=many"] {
                try await client.execute(uri: uri, method: .get) { response in
                    try HTTPTest.expectProblem(response, 400)
                }
            }
        }
    }
}
