import Chain
import ChainTestSupport
import Primitives
import Testing

/// The JSON form of a one-time key request (`POST /membership/certificates`).
struct OneTimeKeyRequestJSONTests {
    @Test("a request survives its JSON form byte for byte, and the service certifies the parsed copy")
    func roundTrip() async throws {
        let chain = try ChainFixture()
        let (_, request) = try await chain.request("alice", count: 3)
        let parsed = try OneTimeKeyRequest(json: try JSONValue(parsing: request.json.serialized()))
        #expect(parsed == request)
        #expect(try chain.membershipService.certify(parsed, now: chain.clock.nowMilliseconds()).count == 3)
    }

    @Test("each malformed member is refused invalidBody naming it", arguments: [
        ("memberHandle", JSONValue.string("abc")), ("memberKey", .number(1)), ("epoch", .number(-1)), ("requestTime", .number(1.5)),
        ("oneTimeKeys", .array([])), ("oneTimeKeys", .array(["00"])), ("signature", .string(String(repeating: "0", count: 126))),
    ])
    func malformed(member: String, value: JSONValue) async throws {
        let chain = try ChainFixture()
        var object = try #require(try await chain.request("alice", count: 1).request.json.objectValue)
        object[member] = value
        #expect {
            _ = try OneTimeKeyRequest(json: .object(object))
        } throws: { error in
            (error as? ChainError)?.code == .invalidBody && (error as? ChainError)?.reason.contains(member) == true
        }
    }
}
