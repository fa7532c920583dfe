internal import Primitives

/// The `jws` of an `Ed25519Signature2018` proof: a JWS with a detached, unencoded payload
/// (RFC 7515 Appendix F, RFC 7797), `header..signature`, whose protected header is
/// `{"alg":"EdDSA","b64":false,"crit":["b64"]}` and whose signing input is the encoded header,
/// a period and the raw 64-byte hash data.
struct DetachedJWS {
    /// The protected header as it was written (base64url), part of the signing input.
    let encodedHeader: String
    /// The Ed25519 signature.
    let signature: [UInt8]

    /// Reads the compact form.
    /// - Throws: `CredentialsError.invalidProof` for another shape, an attached payload, or a
    ///   header that is not EdDSA with `b64` false and critical.
    init(parsing text: String) throws {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].isEmpty else {
            throw CredentialsError.invalidProof("An Ed25519Signature2018 jws is a detached JWS, 'header..signature'.")
        }
        guard let headerBytes = try? Base64URL.decode(String(parts[0])), let header = (try? JSONValue(parsing: headerBytes))?.objectValue,
              let signature = try? Base64URL.decode(String(parts[2])) else {
            throw CredentialsError.invalidProof("The jws header or signature is not base64url JSON.")
        }
        guard header["alg"]?.stringValue == "EdDSA", header["b64"] == .bool(false),
              header["crit"]?.arrayValue?.contains(.string("b64")) == true else {
            throw CredentialsError.invalidProof("An Ed25519Signature2018 jws header must be {\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"]}.")
        }
        encodedHeader = String(parts[0])
        self.signature = signature
    }

    /// What was signed: `ASCII(encodedHeader) ‖ '.' ‖ payload`.
    func signingInput(payload: [UInt8]) -> [UInt8] {
        Array(encodedHeader.utf8) + [UInt8(ascii: ".")] + payload
    }
}
