import Credentials
import Primitives
import Testing

/// Every way `CompactJWS(parsing:)` refuses a token, each with its named reason.
@Suite("compact JWS parsing refusals")
struct CompactJWSParsingTests {
    typealias F = JOSEFixtures

    static func refusal(_ text: String) -> CredentialsError? {
        do { _ = try CompactJWS(parsing: text); return nil } catch { return error as? CredentialsError }
    }

    @Test("a token without exactly three segments is refused", arguments: ["abc", "a.b", "a.b.c.d", ""])
    func segmentCount(_ text: String) {
        let error = Self.refusal(text)
        #expect(error?.code == .invalidJWS)
        #expect(error?.reason.contains("exactly 3") == true)
    }

    @Test("bad base64url is refused naming the segment")
    func badBase64URL() {
        let good = F.unsigned(header: #"{"alg":"ES256"}"#)
        let parts = good.split(separator: ".").map(String.init)
        let cases = [("header", "\(parts[0])=.\(parts[1]).\(parts[2])"), ("payload", "\(parts[0]).e30+.\(parts[2])"),
                     ("signature", "\(parts[0]).\(parts[1]).\(parts[2])!")]
        #expect(Self.refusal(good) == nil)
        for (segment, text) in cases {
            let error = Self.refusal(text)
            #expect(error?.code == .invalidJWS)
            #expect(error?.reason.contains("\(segment) segment") == true, "\(segment)")
        }
    }

    @Test("a header that is not a JSON object is refused", arguments: ["[1]", "\"alg\"", "{", ""])
    func headerNotObject(_ header: String) {
        let error = Self.refusal(F.unsigned(header: header))
        #expect(error?.code == .invalidJWS)
        #expect(error?.reason.contains("header segment") == true)
    }

    @Test("alg none, HMAC, unknown, missing alg and crit are refused with their reasons")
    func refusedHeaders() {
        let cases = [(#"{"alg":"none"}"#, "none"), (#"{"alg":"HS256"}"#, "HMAC"), (#"{"alg":"RS256"}"#, "only ES256K"),
                     (#"{"typ":"JWT"}"#, "alg member is missing"), (#"{"alg":1}"#, "alg member is missing"),
                     (#"{"alg":"ES256","crit":["b64"]}"#, "crit")]
        for (header, reason) in cases {
            let error = Self.refusal(F.unsigned(header: header))
            #expect(error?.code == .invalidJWS, "\(header)")
            #expect(error?.reason.contains(reason) == true, "\(header): \(error?.reason ?? "accepted")")
        }
    }

    @Test("kid is required for credentials and presentations, and typ must fit")
    func kidAndTyp() {
        let noKid = F.unsigned(header: #"{"alg":"ES256","typ":"vc+jwt"}"#, payload: #"{"@context":[]}"#)
        #expect(throws: CredentialsError.invalidJWT("")) { try JWTCredential(parsing: noKid) }
        #expect(throws: CredentialsError.invalidJWT("")) { try JWTPresentation(parsing: noKid) }
        let wrongTyp = F.unsigned(header: #"{"alg":"ES256","kid":"did:example:a#1","typ":"vp+jwt"}"#, payload: #"{"@context":[]}"#)
        #expect(throws: CredentialsError.invalidJWT("")) { try JWTCredential(parsing: wrongTyp) }
        let notObject = F.unsigned(header: #"{"alg":"ES256","kid":"did:example:a#1"}"#, payload: "[]")
        #expect(throws: CredentialsError.invalidJWT("")) { try JWTCredential(parsing: notObject) }
        do {
            _ = try JWTCredential(parsing: noKid)
        } catch let error as CredentialsError {
            #expect(error.reason.contains("kid"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
