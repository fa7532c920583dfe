import Credentials
import DID
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Primitives
import Testing

/// The review's single-request attacks on `POST /credentials/verify`, against the real
/// verifier: each is a clean 400, and the node answers afterwards.
struct HostileCredentialTests {
    static let issuer = (try? DIDKey(publicKey: .ed25519(Ed25519PrivateKey().publicKey)).did.description) ?? ""

    /// A JWT credential (an SD-JWT with `~`) whose payload ends with `claims`; any signature.
    static func token(_ claims: String, sdJWT: Bool = false) -> String {
        let header = #"{"alg":"EdDSA","typ":"\#(sdJWT ? "vc+sd-jwt" : "vc+jwt")","kid":"\#(issuer)#key-1"}"#
        let payload = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"\#(issuer)","credentialSubject":{"name":"Ada"},\#(claims)}"#
        let jwt = [header, payload].map { Base64URL.encode(Array($0.utf8)) }.joined(separator: ".") + ".c2lnbmF0dXJl"
        return sdJWT ? jwt + "~" : jwt
    }

    /// The chained-Disclosure body: `count` Disclosures, each 100 levels deep, each holding the
    /// next one's digest.
    static func chainedDisclosures(_ count: Int) -> String {
        var encoded: [String] = []
        var next: String?
        for index in (0..<count).reversed() {
            var value: JSONValue = next.map { ["_sd": [.string($0)]] } ?? [:]
            for _ in 0..<99 { value = ["a": value] }
            let disclosure = Disclosure(salt: "s\(index)", claimName: "c", value: value)
            encoded.insert(disclosure.encoded, at: 0)
            next = disclosure.digest
        }
        return ([token(#""_sd_alg":"sha-256","_sd":["\#(next ?? "")"]"#)] + encoded).joined(separator: "~") + "~"
    }

    /// The hostile `verifiableCredential` values: exp 1e19, nbf -1e300 in an SD-JWT, exp 1e16,
    /// a fractional iat, a string exp, and 1,123 chained Disclosures in about 1 MB.
    static var hostileCredentials: [String] {
        [token(#""exp":1e19"#), token(#""nbf":-1e300"#, sdJWT: true), token(#""exp":1e16"#), token(#""iat":1.5"#),
         token(#""exp":"1e19""#, sdJWT: true), token(#""nbf":-1e300"#), chainedDisclosures(1_123)]
    }

    /// A forged credential citing the backtracking CPT the test backend knows, with 1,000
    /// strings that make `^(a+)+$` backtrack.
    static var forgedBacktracking: String {
        let codes = Array(repeating: #""\#(String(repeating: "a", count: 28))!""#, count: 1_000).joined(separator: ",")
        return token(#""credentialSchema":{"id":"\#(TestBackend.backtrackingCPT)","type":"JsonSchema"},"codes":[\#(codes)]"#)
    }

    @Test("a forged credential citing a backtracking schema is answered 422 on its proof, with the schema check not run")
    func forgedBacktrackingCredential() async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        try await HTTPTest.server(backend).application().test(.router) { client in
            let body: JSONValue = ["verifiableCredential": .string(Self.forgedBacktracking)]
            try await client.execute(uri: "/credentials/verify", method: .post, body: HTTPTest.body(body)) { response in
                try HTTPTest.expectProblem(response, 422)
                let checks = HTTPTest.parsed(response)["checks"]?.arrayValue ?? []
                #expect(checks.first { $0["check"] == "schema" }?["code"] == "notChecked", "\(checks)")
            }
        }
    }

    @Test("hostile time claims and chained Disclosures are answered 400 naming the malformed member, and the node keeps serving")
    func hostileCredentials() async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        try await HTTPTest.server(backend).application().test(.live) { client in
            for credential in Self.hostileCredentials {
                let body: JSONValue = ["verifiableCredential": .string(credential)]
                try await client.execute(uri: "/credentials/verify", method: .post, body: HTTPTest.body(body)) { response in
                    try HTTPTest.expectProblem(response, 400)
                    let detail = HTTPTest.parsed(response)["detail"]?.stringValue ?? ""
                    #expect(detail.contains("NumericDate") || detail.contains("Disclosures"), "\(credential.prefix(60)): \(detail)")
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
    }
}
