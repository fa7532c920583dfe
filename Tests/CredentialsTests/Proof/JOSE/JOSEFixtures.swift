import Credentials
import DID
import Foundation
import Primitives
import TestVectors

/// Keys, signers and vector files shared by the JOSE and SD-JWT tests.
enum JOSEFixtures {
    static func json(_ path: String) throws -> JSONValue {
        try JSONValue(parsing: Array(try Vectors.data(path)))
    }

    static func text(_ path: String) throws -> String {
        try Vectors.text(path).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func b64(_ text: String?) throws -> [UInt8] { try Base64URL.decode(text ?? "") }

    /// The RFC 7515 A.3 P-256 key and the RFC 8037 A.1 Ed25519 key, as signers.
    static func rfc7515Signer(_ method: String = "did:example:p256#key-1") throws -> PrivateKeySigner {
        let jwk = try json("jose/rfc7515-a3-es256.json")["jwk"]
        return PrivateKeySigner(key: .p256(try P256PrivateKey(rawRepresentation: try b64(jwk?["d"]?.stringValue))),
                                verificationMethod: method)
    }

    static func rfc8037Signer(_ method: String = "did:example:ed25519#key-1") throws -> PrivateKeySigner {
        let jwk = try json("jose/rfc8037-a4-ed25519.json")["jwk"]
        return PrivateKeySigner(key: .ed25519(try Ed25519PrivateKey(seed: SecureBytes(try b64(jwk?["d"]?.stringValue)))),
                                verificationMethod: method)
    }

    /// A fixed secp256k1 key (scalar 0x11…11) for ES256K round trips.
    static func secp256k1Signer(_ method: String = "did:example:k1#key-1") throws -> PrivateKeySigner {
        PrivateKeySigner(key: .secp256k1(try Secp256k1PrivateKey(rawRepresentation: [UInt8](repeating: 0x11, count: 32))),
                         verificationMethod: method)
    }

    static func allSigners() throws -> [PrivateKeySigner] {
        [try secp256k1Signer(), try rfc8037Signer(), try rfc7515Signer()]
    }

    static func publicKey(jwk: JSONValue?) throws -> PublicKeyMaterial {
        try PublicKeyMaterial(jwk: try JWK(json: jwk ?? .null))
    }

    /// The key of a `did:jwk:<base64url JWK>#0` kid (did:jwk method).
    static func didJWKKey(_ kid: String?) throws -> PublicKeyMaterial {
        let encoded = (kid ?? "").dropFirst("did:jwk:".count).split(separator: "#").first.map(String.init) ?? ""
        return try publicKey(jwk: try JSONValue(parsing: try Base64URL.decode(encoded)))
    }

    /// `text` with the character at `offset` from the end changed (a one-byte tamper).
    static func flip(_ text: String, fromEnd offset: Int) -> String {
        var chars = Array(text)
        let index = chars.count - offset
        chars[index] = chars[index] == "A" ? "B" : "A"
        return String(chars)
    }

    /// A compact JWS with the given header and payload JSON texts and a zero signature.
    static func unsigned(header: String, payload: String = "{}") -> String {
        Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "." + Base64URL.encode([UInt8](repeating: 0, count: 64))
    }

    /// A token signed over arbitrary JSON claims (for legacy forms and crafted SD-JWTs).
    static func signed(_ claims: JSONObject, header: JSONObject = ["typ": "JWT"], signer: any CredentialSigner) async throws -> String {
        try await CompactJWS.sign(header: header, payload: JSONValue.object(claims).serialized(), signer: signer)
    }
}
