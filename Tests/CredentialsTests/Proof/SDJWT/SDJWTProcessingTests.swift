import Credentials
import Primitives
import Testing

/// RFC 9901 §7.1 refusals on SD-JWTs crafted with our own issuer key.
@Suite("SD-JWT processing refusals")
struct SDJWTProcessingTests {
    typealias F = JOSEFixtures
    static let given = Disclosure(salt: "c2FsdC0x", claimName: "given_name", value: "John")
    static let element = Disclosure(salt: "c2FsdC0y", claimName: nil, value: "DE")

    static func crafted(_ payload: JSONObject, _ disclosures: [Disclosure]) async throws -> SDJWT {
        let jwt = try await F.signed(payload, header: ["typ": "vc+sd-jwt"], signer: try F.rfc7515Signer())
        return try SDJWT(parsing: ([jwt] + disclosures.map(\.encoded)).joined(separator: "~") + "~")
    }

    static func refusal(_ payload: JSONObject, _ disclosures: [Disclosure]) async throws -> String? {
        do {
            _ = try await crafted(payload, disclosures).disclosedCredential()
            return nil
        } catch let error as CredentialsError {
            #expect(error.code == .invalidSDJWT)
            return error.reason
        }
    }

    @Test("a crafted SD-JWT with an array element and a recursive Disclosure processes")
    func accepted() async throws {
        let address = Disclosure(salt: "c2FsdC0z", claimName: "address", value: ["_sd": [.string(Self.given.digest)]])
        let payload: JSONObject = ["_sd": [.string(address.digest)], "nationalities": [["...": .string(Self.element.digest)], "US"]]
        let sdJWT = try await Self.crafted(payload, [Self.given, Self.element, address])
        #expect(try sdJWT.disclosedCredential() == ["nationalities": ["DE", "US"], "address": ["given_name": "John"]])
    }

    @Test("a digest that appears twice is refused")
    func repeatedDigest() async throws {
        let payload: JSONObject = ["_sd": [.string(Self.given.digest)], "nested": ["_sd": [.string(Self.given.digest)]]]
        #expect(try await Self.refusal(payload, [Self.given])?.contains("more than once") == true)
    }

    @Test("a Disclosure no digest references is refused")
    func unreferenced() async throws {
        #expect(try await Self.refusal(["iss": "x"], [Self.given])?.contains("not referenced") == true)
    }

    @Test("a disclosed name that already exists at its level is refused")
    func nameClash() async throws {
        let payload: JSONObject = ["given_name": "Jane", "_sd": [.string(Self.given.digest)]]
        #expect(try await Self.refusal(payload, [Self.given])?.contains("already exists") == true)
    }

    @Test("a Disclosure of the wrong shape for its place is refused")
    func wrongShape() async throws {
        #expect(try await Self.refusal(["_sd": [.string(Self.element.digest)]], [Self.element])?.contains("array element") == true)
        #expect(try await Self.refusal(["a": [["...": .string(Self.given.digest)]]], [Self.given])?.contains("names a claim") == true)
        #expect(try await Self.refusal(["_sd": "not-an-array"], [])?.contains("_sd") == true)
    }

    @Test("an _sd_alg other than sha-256 and a repeated Disclosure are refused at parsing")
    func parsing() async throws {
        await #expect(throws: CredentialsError.invalidSDJWT("")) { try await Self.crafted(["_sd_alg": "sha-512"], []) }
        await #expect(throws: CredentialsError.invalidSDJWT("")) {
            try await Self.crafted(["_sd": [.string(Self.given.digest)]], [Self.given, Self.given])
        }
        #expect(throws: CredentialsError.invalidSDJWT("")) { try SDJWT(parsing: "no-tilde") }
    }

    @Test("a holder cannot present a Disclosure nested in one it withholds")
    func orphan() async throws {
        let address = Disclosure(salt: "c2FsdC0z", claimName: "address", value: ["_sd": [.string(Self.given.digest)]])
        let jwt = try await F.signed(["_sd": [.string(address.digest)]], header: ["typ": "vc+sd-jwt"], signer: try F.rfc7515Signer())
        let issued = [jwt, Self.given.encoded, address.encoded].joined(separator: "~") + "~"
        await #expect(throws: CredentialsError.invalidSDJWT("")) { try await SDJWT.present(issued, disclose: ["given_name"], keyBinding: nil) }
        let both = try await SDJWT.present(issued, disclose: ["given_name", "address"], keyBinding: nil)
        #expect(try SDJWT(parsing: both).disclosedCredential() == ["address": ["given_name": "John"]])
    }
}
