import Credentials
import DID
import Foundation
import Primitives
import Testing

/// RFC 9901 §5: the issued SD-JWT, the SD-JWT+KB and its processed payload.
@Suite("SD-JWT against RFC 9901 §5")
struct SDJWTVectorTests {
    typealias F = JOSEFixtures
    static let iat: UInt64 = 1_748_537_243
    static let audience = "https://verifier.example.org"

    static func issuerKey() throws -> PublicKeyMaterial {
        try F.publicKey(jwk: try F.json("sd-jwt/rfc9901-a5-issuer-key-and-kb-payload.json")["issuer"])
    }

    @Test("the issued SD-JWT verifies with the Appendix A.5 key and discloses all ten claims")
    func issued() throws {
        let text = try F.text("sd-jwt/rfc9901-5.1-issued.txt")
        let sdJWT = try SDJWT(parsing: text)
        let key = try Self.issuerKey()
        #expect(sdJWT.issuerJWS.isValidSignature(by: key))
        #expect(!(try SDJWT(parsing: text.replacingOccurrences(of: "St_6aQ~", with: "St_6aA~"))).issuerJWS.isValidSignature(by: key))
        #expect(sdJWT.disclosures.count == 10 && sdJWT.keyBinding == nil)
        #expect(sdJWT.holderKey != nil)
        let credential = try sdJWT.disclosedCredential()
        #expect(credential["nationalities"] == ["US", "DE"])
        #expect(credential["address"]?["locality"] == "Anytown")
        #expect(credential["updated_at"] == 1570000000)
        #expect(credential["_sd"] == nil && credential["_sd_alg"] == nil)
        #expect(credential.count == 14)
        #expect(sdJWT.verifyKeyBinding(audience: Self.audience, nonce: "1234567890", now: Self.iat, maxAge: 60) == .missing)
    }

    @Test("the §5.2 presentation processes to the published payload and its KB-JWT verifies")
    func presentation() throws {
        let sdJWT = try SDJWT(parsing: try F.text("sd-jwt/rfc9901-5.2-presentation.txt"))
        #expect(sdJWT.issuerJWS.isValidSignature(by: try Self.issuerKey()))
        let expected = try #require(try F.json("sd-jwt/rfc9901-5.2-processed-payload.json").objectValue)
        #expect(try sdJWT.disclosedCredential() == expected)
        #expect(sdJWT.verifyKeyBinding(audience: Self.audience, nonce: "1234567890", now: Self.iat + 30, maxAge: 300) == .verified)
        let kbClaims = try F.json("sd-jwt/rfc9901-a5-issuer-key-and-kb-payload.json")["kbJWT"]
        #expect(try JSONValue(parsing: try #require(sdJWT.keyBinding).payload) == kbClaims)
    }

    @Test("each key-binding check fails on its own tamper")
    func verdicts() throws {
        let text = try F.text("sd-jwt/rfc9901-5.2-presentation.txt")
        let sdJWT = try SDJWT(parsing: text)
        func verdict(_ sdJWT: SDJWT, audience: String = Self.audience, nonce: String = "1234567890", now: UInt64 = Self.iat + 30) -> KeyBindingVerdict {
            sdJWT.verifyKeyBinding(audience: audience, nonce: nonce, now: now, maxAge: 300)
        }
        #expect(verdict(sdJWT, audience: "https://other.example") == .audienceMismatch)
        #expect(verdict(sdJWT, nonce: "1234567891") == .nonceMismatch)
        #expect(verdict(sdJWT, now: Self.iat - 1) == .issuedInFuture)
        #expect(verdict(sdJWT, now: Self.iat + 301) == .tooOld)
        #expect(verdict(sdJWT, now: Self.iat + 300) == .verified)
        #expect(verdict(try SDJWT(parsing: F.flip(text, fromEnd: 3))) == .signatureMismatch)
        var parts = text.components(separatedBy: "~")
        parts.remove(at: 4)   // drop the nationality Disclosure: sd_hash no longer covers what is shown
        let fewer = try SDJWT(parsing: parts.joined(separator: "~"))
        #expect(verdict(fewer) == .sdHashMismatch)
        #expect(try fewer.disclosedCredential()["nationalities"] == [])
    }
}
