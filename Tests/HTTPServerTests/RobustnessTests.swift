import Chain
import ChainTestSupport
import DID
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Primitives
import TestVectors
import Testing

/// Hostile input on every endpoint: malformed JSON, wrong types, huge numbers, deep nesting,
/// invalid UTF-8, oversized bodies and the credentials of issue #14 (hostile JWT times,
/// chained SD-JWT Disclosures, a backtracking schema pattern) never produce a server error,
/// and the node still answers afterwards.
struct RobustnessTests {
    static let posts = ["/credentials/verify", "/presentations/verify", "/challenges", "/credentials/issue", "/credentials/status",
                        "/audit/link", "/audit/trace", "/audit/log"]

    @Test("a few hundred seeded hostile requests (malformed DIDs, unknown tokens, broken bodies) get 4xx answers (501 only for an unknown DID method), then /healthz answers")
    func hostileInput() async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        let server = HTTPTest.server(backend, limits: .init(maximumBodyBytes: 64 * 1024))
        var random = SplitMix64(seed: 0x4348_414E_4345_5259)
        let requests = (0..<400).map { Self.hostileRequest($0, &random) }
        try await server.application().test(.router) { client in
            for (round, (method, uri, headers, body)) in requests.enumerated() {
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                let status = Int(response.status.code)
                let unsupportedMethod = uri.hasPrefix("/1.0/") && status == 501
                    && (try? HTTPTest.json(response))?["didResolutionMetadata"]?["error"]?["title"] == "methodNotSupported"
                #expect(status < 500 || unsupportedMethod, "round \(round): \(method) \(uri.prefix(80)) answered \(status)")
                if status >= 400, !uri.hasPrefix("/1.0/") {
                    #expect(response.headers[.contentType] == "application/problem+json", "round \(round)")
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
    }

    @Test("deep nesting, invalid UTF-8 and huge numbers over a real socket are 400, and the node keeps serving")
    func hostileInputLive() async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        try await HTTPTest.server(backend).application().test(.live) { client in
            let bodies: [[UInt8]] = [Array(String(repeating: "[", count: 10_000).utf8) + Array(String(repeating: "]", count: 10_000).utf8),
                                     Array("{\"verifiableCredential\": \"".utf8) + [0xC0, 0xAF, 0xFF] + Array("\"}".utf8),
                                     Array("{\"verifiableCredential\": 1e400}".utf8),
                                     Array("{\"verifiableCredential\": \"\\uD800\"}".utf8)]
            for path in Self.posts {
                for body in bodies {
                    try await client.execute(uri: path, method: .post, body: ByteBuffer(bytes: body)) { response in
                        try HTTPTest.expectProblem(response, 400)
                    }
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
    }

    /// One hostile request, chosen by the round and the generator.
    static func hostileRequest(_ round: Int, _ random: inout SplitMix64) -> (HTTPRequest.Method, String, HTTPFields, ByteBuffer?) {
        if round % 5 == 4 {
            let segment = percentEncoded((0..<random.next(upTo: 40)).map { _ in UInt8(random.next(upTo: 256)) })
            // did:key with random multicodec bytes: bad multibase, wrong codecs, short keys, off-curve points.
            let key = "did:key:z" + Base58BTC.encode((0..<random.next(upTo: 40)).map { _ in UInt8(random.next(upTo: 256)) })
            let uri = switch random.next(upTo: 3) {
            case 0: "/1.0/identifiers/did:\(segment)"
            case 1: "/1.0/identifiers/\(key)"
            default: "/status-lists/\(segment)"
            }
            let accepts = ["*/*", "text/html", "application/did+json;q=abc", ";;;,,,", "application/did-resolution;q=1e999", ""]
            return (.get, uri, [.accept: accepts[random.next(upTo: accepts.count)]], nil)
        }
        let path = posts[random.next(upTo: posts.count)]
        // Unknown bearer tokens, some empty or not base64url.
        let tokens = ["", "Bearer", "Bearer ", "Bearer not-a-token", "Basic dXNlcjpwdw==", "Bearer " + String(repeating: "A", count: 5_000)]
        let token = tokens[random.next(upTo: tokens.count)]
        return (.post, path, token.isEmpty ? [:] : [.authorization: token], ByteBuffer(bytes: hostileBody(&random)))
    }

    static func hostileBody(_ random: inout SplitMix64) -> [UInt8] {
        let valid = JSONValue.object(["verifiableCredential": ["id": "good", "n": 1], "credential": ["credentialSubject": [:]],
                                      "options": ["challenge": "c-1"], "query": ["kind": "log", "auditor": "regulator", "time": 1],
                                      "signature": .string(String(repeating: "A", count: 86))]).serialized()
        switch random.next(upTo: 10) {
        case 0: // truncated or with random bytes spliced in
            var bytes = Array(valid.prefix(random.next(upTo: valid.count)))
            for _ in 0..<random.next(upTo: 4) { bytes.insert(UInt8(random.next(upTo: 256)), at: random.next(upTo: bytes.count + 1)) }
            return bytes
        case 1: // wrong types in every member
            let values: [JSONValue] = [.null, true, 0, -1.5, "text", [], [:], [[1]], ["a": ["b": "c"]]]
            let members = ["verifiableCredential", "verifiablePresentation", "credential", "options", "query", "signature", "credentialId"]
            return JSONValue.object(JSONObject(members.map { ($0, values[random.next(upTo: values.count)]) })).serialized()
        case 2: // numbers beyond a double, and long integers
            let numbers = ["1e400", "-1e99999", String(repeating: "9", count: 400), "0.\(String(repeating: "0", count: 500))1", "1E+2147483648"]
            return Array("{\"verifiableCredential\": \(numbers[random.next(upTo: numbers.count)]), \"options\": {}}".utf8)
        case 3: // 10,000-deep arrays or objects
            return random.next(upTo: 2) == 0
                ? Array(String(repeating: "[", count: 10_000).utf8) + Array(String(repeating: "]", count: 10_000).utf8)
                : Array(String(repeating: "{\"a\":", count: 10_000).utf8) + Array("1".utf8) + Array(String(repeating: "}", count: 10_000).utf8)
        case 4: // invalid UTF-8 inside a string
            let bad: [[UInt8]] = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]]
            return Array("{\"verifiableCredential\": \"".utf8) + bad[random.next(upTo: bad.count)] + Array("\"}".utf8)
        case 5: // over the 64 KiB cap
            return Array("{\"verifiableCredential\": \"".utf8) + Array(repeating: UInt8(ascii: "x"), count: 70_000) + Array("\"}".utf8)
        case 6: // random bytes
            return (0..<random.next(upTo: 200)).map { _ in UInt8(random.next(upTo: 256)) }
        case 7: // duplicate members, lone surrogates, a BOM
            let texts = ["{\"a\":1,\"a\":2}", "{\"verifiableCredential\":\"\\uDC00\"}", "\u{FEFF}{}", "{\"options\":{\"x\":1,\"x\":1}}"]
            return Array(texts[random.next(upTo: texts.count)].utf8)
        case 8: // credentials that crashed or froze the node: exp 1e19, nbf -1e300, chained Disclosures, a backtracking pattern
            let credentials = [HostileCredentialTests.token(#""exp":1e19"#), HostileCredentialTests.token(#""nbf":-1e300"#, sdJWT: true),
                               HostileCredentialTests.chainedDisclosures(40), HostileCredentialTests.forgedBacktracking]
            return JSONValue.object(["verifiableCredential": .string(credentials[random.next(upTo: credentials.count)])]).serialized()
        default: // well-formed JSON of the wrong shape
            let texts = ["[]", "null", "\"text\"", "42", "{}", "{\"verifiableCredential\":{}}", "{\"query\":{}}"]
            return Array(texts[random.next(upTo: texts.count)].utf8)
        }
    }

    static func percentEncoded(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let scalar = Unicode.Scalar(byte)
            return (scalar.properties.isAlphabetic && byte < 0x80) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: ":")
                ? String(scalar) : "%" + String(byte, radix: 16, uppercase: true).leftPadded()
        }.joined()
    }
}

extension String {
    fileprivate func leftPadded() -> String { count < 2 ? "0" + self : self }
}
