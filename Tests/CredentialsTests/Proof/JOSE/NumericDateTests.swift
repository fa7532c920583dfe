import Credentials
import DID
import Primitives
import Testing

/// JWT time claims are read by one total reader: hostile numbers are malformed input (the
/// `format` check, HTTP 400), never a trap. Before `NumericDate`, `exp: 1e19` trapped in
/// `Int64(_:)` and `exp: 1e16` overflowed `* 1000`, killing the verifier's process.
struct NumericDateTests {
    /// Claim values that are not NumericDates, with the refusal each gets.
    static let hostile: [(text: String, refusal: NumericDate.Refusal)] = [
        ("1e19", .outOfRange), ("-1e300", .outOfRange), ("1e16", .outOfRange), ("1.5", .notAnInteger),
        ("-1", .outOfRange), ("253402300800", .outOfRange), ("9223372036854775807", .outOfRange),
        ("1.7976931348623157e308", .outOfRange), ("\"1700000000\"", .notANumber), ("null", .notANumber), ("[1]", .notANumber),
    ]

    @Test("the reader accepts whole seconds from 1970 to 9999 and names why anything else is refused")
    func reader() throws {
        #expect(NumericDate.reading(try JSONValue(parsing: "0")).date?.seconds == 0)
        #expect(NumericDate.reading(try JSONValue(parsing: "1.78e9")).date?.milliseconds == 1_780_000_000_000)
        #expect(NumericDate.reading(try JSONValue(parsing: "253402300799")).date?.seconds == NumericDate.range.upperBound)
        for (text, refusal) in Self.hostile {
            #expect(NumericDate.reading(try JSONValue(parsing: text)) == .refused(refusal), "\(text)")
        }
    }

    /// A `vc+jwt` (or, with `~`, an SD-JWT) whose payload holds `claims`, under a signature that
    /// does not matter: time claims are read before any key is resolved.
    static func token(_ claims: String, issuer: String, sdJWT: Bool = false) -> String {
        let header = #"{"alg":"EdDSA","typ":"\#(sdJWT ? "vc+sd-jwt" : "vc+jwt")","kid":"\#(issuer)#key-1"}"#
        let payload = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"\#(issuer)","credentialSubject":{"name":"Ada"},\#(claims)}"#
        let jwt = [header, payload].map { Base64URL.encode(Array($0.utf8)) }.joined(separator: ".") + ".c2lnbmF0dXJl"
        return sdJWT ? jwt + "~" : jwt
    }

    @Test("exp, nbf and iat of 1e19, -1e300, 1e16, 1.5 and other non-dates fail the format check of JWT and SD-JWT credentials",
          arguments: ["exp", "nbf", "iat"])
    func credentialClaims(claim: String) async throws {
        let fixture = try VerifierFixture()
        for sdJWT in [false, true] {
            for (text, refusal) in Self.hostile {
                let result = await fixture.verifier().verify(.string(Self.token("\"\(claim)\":\(text)", issuer: fixture.issuer, sdJWT: sdJWT)),
                                                             now: VerifierFixture.now)
                #expect(result.isMalformed && !result.verified, "\(claim): \(text)")
                #expect(result.checks.first?.code == "invalidNumericDate", "\(claim): \(text) \(result.checks)")
                #expect(result.checks.first?.reason.contains(claim) == true && result.checks.first?.reason.contains(refusal.rawValue) == true)
            }
            // 1e400 is no I-JSON number: the payload itself does not parse, still a format failure.
            let huge = await fixture.verifier().verify(.string(Self.token("\"\(claim)\":1e400", issuer: fixture.issuer, sdJWT: sdJWT)), now: VerifierFixture.now)
            #expect(huge.isMalformed)
        }
    }

    @Test("a legacy vc-claim JWT with exp 1e19 is malformed, and a well-formed exp in the past fails the validity check")
    func legacyClaims() async throws {
        let fixture = try VerifierFixture()
        func legacy(_ claims: String) -> JSONValue {
            let header = #"{"alg":"EdDSA","typ":"JWT","kid":"\#(fixture.issuer)#k"}"#
            let payload = #"{"iss":"\#(fixture.issuer)",\#(claims),"vc":{"@context":["https://www.w3.org/2018/credentials/v1"],"type":["VerifiableCredential"],"credentialSubject":{"name":"Ada"}}}"#
            return .string([header, payload].map { Base64URL.encode(Array($0.utf8)) }.joined(separator: ".") + ".c2ln")
        }
        let malformed = await fixture.verifier().verify(legacy(#""nbf":1700000000,"exp":1e19"#), now: VerifierFixture.now)
        #expect(malformed.checks.first?.code == "invalidNumericDate")
        let expired = await fixture.verifier().verify(legacy(#""nbf":1700000000,"exp":1700000001"#), now: VerifierFixture.now)
        #expect(expired.checks.first?.outcome == .passed)
        #expect(expired.checks.first { $0.name == .validity }?.code == "expired")
    }

    @Test("a presentation JWT's exp and a key-binding JWT's iat of 1e19 are malformed, not a crash")
    func presentationAndKeyBinding() async throws {
        let fixture = try VerifierFixture()
        let header = #"{"alg":"EdDSA","typ":"vp+jwt","kid":"\#(fixture.issuer)#k"}"#
        let payload = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"exp":1e19}"#
        let vp = [header, payload].map { Base64URL.encode(Array($0.utf8)) }.joined(separator: ".") + ".c2ln"
        #expect(throws: CredentialsError(.invalidNumericDate, "")) { try JWTPresentation(parsing: vp) }
        let presented = await PresentationVerifier(credentials: fixture.verifier(), challenges: InMemoryChallengeStore())
            .verify(.string(vp), challenge: "c", domain: nil, now: VerifierFixture.now)
        #expect(presented.isMalformed && presented.checks.first?.code == "invalidNumericDate")

        let holderKey = Ed25519PrivateKey()
        let holder = try DIDKey(publicKey: .ed25519(holderKey.publicKey)).did.description
        let issuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                          format: .sdJWT)
        let issued = try #require(try await issuer.secure(try issuer.prepare(try fixture.draft(), holderKey: .ed25519(holderKey.publicKey))).stringValue)
        let claims: JSONValue = ["aud": "https://verifier.example", "nonce": "n", "iat": 1e19, "sd_hash": .string(Base64URL.encode(Hash.sha256(Array(issued.utf8))))]
        let holderSigner = PrivateKeySigner(key: .ed25519(holderKey), verificationMethod: holder + "#" + String(holder.dropFirst(8)))
        let withKB = issued + (try await CompactJWS.sign(header: ["typ": "kb+jwt"], payload: claims.serialized(), signer: holderSigner))
        #expect(throws: CredentialsError(.invalidNumericDate, "")) { try SDJWT(parsing: withKB) }
        let result = await fixture.verifier().verify(.string(withKB), now: VerifierFixture.now,
                                                     keyBinding: .init(audience: "https://verifier.example", nonce: "n"))
        #expect(result.isMalformed && result.checks.first?.code == "invalidNumericDate", "\(result.checks)")
    }
}
