public import DID
public import Primitives

/// An SD-JWT or SD-JWT+KB in the compact serialization (RFC 9901 §4):
/// `issuer-JWT~disclosure~…~` optionally followed by a key-binding JWT.
///
/// Used to secure VC DM 2.0 credentials as `vc+sd-jwt` (W3C VC-JOSE-COSE §3.2).
/// ```swift
/// let sdJWT = try await SDJWT.issue(credential, disclosable: ["birthDate"], holderKey: holder.publicKey, signer: issuer)
/// let shown = try await SDJWT.present(sdJWT, disclose: ["birthDate"],
///                                     keyBinding: (audience: "https://verifier.example", nonce: "n", issuedAt: now, signer: holder))
/// let received = try SDJWT(parsing: shown)
/// guard received.issuerJWS.isValidSignature(by: issuerKey),
///       received.verifyKeyBinding(audience: "https://verifier.example", nonce: "n", now: now, maxAge: 300) == .verified
/// else { … }
/// let credential = try received.disclosedCredential()
/// ```
public struct SDJWT: Sendable, Hashable {
    /// The issuer-signed JWT.
    public let issuerJWS: CompactJWS
    /// The Disclosures, in the order received.
    public let disclosures: [Disclosure]
    /// The key-binding JWT of an SD-JWT+KB, or `nil`.
    public let keyBinding: CompactJWS?
    /// The issuer-signed payload, with its `_sd` digests still in place.
    public let payload: JSONObject
    /// The holder key from `cnf.jwk` (RFC 7800 §3.2), or `nil` when there is none.
    public let holderKey: PublicKeyMaterial?
    /// The text the KB-JWT's `sd_hash` covers: everything up to and including the last `~`.
    public let presentedSDJWT: String

    /// Splits and reads an SD-JWT or SD-JWT+KB; checks no signature.
    /// - Parameter text: the compact serialization.
    /// - Throws: `CredentialsError.invalidSDJWT` for a missing `~`, more than
    ///   ``maxDisclosures`` Disclosures, an empty or repeated Disclosure, a malformed
    ///   Disclosure, a payload (or KB-JWT payload) that is not a JSON object, an `_sd_alg`
    ///   other than `sha-256`, or a `cnf.jwk` that is not a supported public key;
    ///   `CredentialsError.invalidJWS` for an unreadable issuer JWT or KB-JWT;
    ///   `CredentialsError.invalidNumericDate` for a KB-JWT `iat` that is not a ``NumericDate``.
    public init(parsing text: String) throws {
        try self.init(parsing: text, issuer: nil)
    }

    /// Reads an SD-JWT whose issuer JWT (the text before its first `~`) the caller already
    /// parsed, as the verifier does to check the signature first, so it is not parsed twice.
    package init(parsing text: String, issuer: (jws: CompactJWS, payload: JSONObject)?) throws {
        guard let lastTilde = text.lastIndex(of: "~") else {
            throw CredentialsError.invalidSDJWT("An SD-JWT is the issuer JWT followed by '~'; no '~' was found.")
        }
        presentedSDJWT = String(text[...lastTilde])
        let parts = text[..<lastTilde].split(separator: "~", omittingEmptySubsequences: false).map(String.init)
        try Self.checkCount(parts.count - 1)
        issuerJWS = try issuer?.jws ?? CompactJWS(parsing: parts[0])
        disclosures = try parts.dropFirst().map { part in
            guard !part.isEmpty else { throw CredentialsError.invalidSDJWT("An SD-JWT has an empty Disclosure between two '~'.") }
            return try Disclosure(parsing: part)
        }
        guard Set(disclosures.map(\.digest)).count == disclosures.count else {
            throw CredentialsError.invalidSDJWT("The same Disclosure is sent more than once (RFC 9901 §4).")
        }
        let trailer = text[text.index(after: lastTilde)...]
        keyBinding = trailer.isEmpty ? nil : try CompactJWS(parsing: String(trailer))
        if let keyBinding {
            guard let claims = (try? JSONValue(parsing: keyBinding.payload))?.objectValue else {
                throw CredentialsError.invalidSDJWT("The key-binding JWT payload is not a JSON object.")
            }
            _ = try NumericDate(claim: "iat", in: claims)
        }
        guard let payload = issuer?.payload ?? (try? JSONValue(parsing: issuerJWS.payload))?.objectValue else {
            throw CredentialsError.invalidSDJWT("The issuer JWT payload is not a JSON object.")
        }
        if let alg = payload["_sd_alg"], alg.stringValue != "sha-256" {
            throw CredentialsError.invalidSDJWT("_sd_alg \(alg) is not supported; only sha-256 is.")
        }
        self.payload = payload
        holderKey = try Self.holderKey(payload["cnf"])
    }

    private static func holderKey(_ cnf: JSONValue?) throws -> PublicKeyMaterial? {
        guard let jwk = cnf?["jwk"] else { return nil }
        do {
            return try PublicKeyMaterial(jwk: try JWK(json: jwk))
        } catch {
            throw CredentialsError.invalidSDJWT("cnf.jwk is not a supported public key: \(error).")
        }
    }
}
