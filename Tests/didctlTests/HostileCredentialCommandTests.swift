import Node
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Primitives
import Testing

/// The review's crashing inputs against the real binary: `didctl credential verify` and a
/// running node's `POST /credentials/verify` both died on `exp: 1e19` (a Double to Int64 trap)
/// and on chained SD-JWT Disclosures (a stack overflow from about 250 KB).
struct HostileCredentialCommandTests {
    /// A `vc+jwt` (with `~`, an SD-JWT) by a did:key issuer whose payload ends with `claims`.
    static func token(_ claims: String, sdJWT: Bool = false) -> String {
        let issuer = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
        let header = #"{"alg":"EdDSA","typ":"\#(sdJWT ? "vc+sd-jwt" : "vc+jwt")","kid":"\#(issuer)#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}"#
        let payload = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"\#(issuer)","credentialSubject":{"name":"Ada"},\#(claims)}"#
        let jwt = [header, payload].map { Base64URL.encode(Array($0.utf8)) }.joined(separator: ".") + ".c2lnbmF0dXJl"
        return sdJWT ? jwt + "~" : jwt
    }

    /// 400 Disclosures (about 300 KB), each 100 levels deep and naming the next: above the size that killed the CLI.
    static var chained: String {
        var encoded: [String] = [], next: String?
        for index in (0..<400).reversed() {
            var value: JSONValue = next.map { ["_sd": [.string($0)]] } ?? [:]
            for _ in 0..<99 { value = ["a": value] }
            let text = Base64URL.encode(JSONValue.array([.string("s\(index)"), "c", value]).serialized())
            encoded.insert(text, at: 0)
            next = Base64URL.encode(Hash.sha256(Array(text.utf8)))
        }
        return ([token(#""_sd_alg":"sha-256","_sd":["\#(next ?? "")"]"#, sdJWT: false)] + encoded).joined(separator: "~") + "~"
    }

    static let hostile = [token(#""exp":1e19"#), token(#""nbf":-1e300"#, sdJWT: true), token(#""exp":1e16"#), token(#""iat":1.5"#)]

    @Test("credential verify refuses hostile time claims and chained Disclosures as malformed, exit 1, with a reason")
    func cliVerify() throws {
        let chain = try DIDCommandTests.Fixture(accounts: [])
        defer { chain.remove() }
        for (index, credential) in (Self.hostile + [Self.chained]).enumerated() {
            let file = chain.root.appendingPathComponent("hostile-\(index).jwt")
            try Data(credential.utf8).write(to: file)
            let result = try chain.run(["credential", "verify", file.path])
            #expect(result.status == 1, "\(index): \(result.status) \(result.stderr)")
            let output = result.stdout + result.stderr
            #expect(output.contains("invalidNumericDate") || output.contains("NumericDate") || output.contains("signature"), "\(index): \(output)")
        }
    }

    @Test("a running node answers hostile time claims 400 and keeps serving")
    func nodeVerify() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [])
        defer { chain.remove() }
        let node = try RunningNode(dataDirectory: chain.root)
        defer { node.stop() }
        let verify = node.url.appendingPathComponent("credentials/verify")
        for credential in Self.hostile + [Self.chained] {
            let answer = try await NodeCredentialEndpointTests.post(verify, ["verifiableCredential": credential])
            #expect(answer.status == 400 || answer.status == 422, "\(credential.prefix(40)): \(answer.status) \(answer.body)")
        }
        let malformed = try await NodeCredentialEndpointTests.post(verify, ["verifiableCredential": Self.hostile[0]])
        #expect(malformed.status == 400)
        let (_, health) = try await NodeStartCommandTests.get(node.url.appendingPathComponent("healthz"))
        #expect(health == 200)
        #expect(node.process.isRunning)
    }

    @Test("cpt register refuses a schema whose pattern backtracks, naming the pattern, before any transaction")
    func backtrackingSchemaRefused() throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("university", "partial")])
        defer { chain.remove() }
        _ = try chain.json(["did", "create", "--account", "university"], account: "university")
        let file = chain.root.appendingPathComponent("redos.json")
        try Data(#"{"type": "object", "properties": {"code": {"type": "string", "pattern": "^(a+)+$"}}}"#.utf8).write(to: file)
        let refused = try chain.run(["cpt", "register", "--account", "university", "--schema", file.path], account: "university")
        #expect(refused.status == 1 && refused.stderr.contains("/properties/code/pattern") && refused.stderr.contains("nested quantifiers"),
                "\(refused.status) \(refused.stderr)")
    }
}
