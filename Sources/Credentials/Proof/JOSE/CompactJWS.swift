public import DID
public import Primitives

/// A JWS in the compact serialization (RFC 7515 §7.1): `header.payload.signature`, each part
/// unpadded base64url.
///
/// Parsing is strict and keeps the payload bytes exactly as received, so the signing input is
/// the two received segments, never a re-serialization.
/// ```swift
/// let jws = try CompactJWS(parsing: token)
/// guard jws.isValidSignature(by: issuerKey) else { … }
/// let claims = try JSONValue(parsing: jws.payload)
/// ```
public struct CompactJWS: Sendable, Hashable {
    /// The protected header.
    public let header: JSONObject
    /// The `alg` of the header, one of the three accepted algorithms.
    public let algorithm: JWSAlgorithm
    /// The payload bytes, exactly as decoded from the second segment.
    public let payload: [UInt8]
    /// The signature bytes.
    public let signature: [UInt8]
    /// The ASCII bytes of `header-segment.payload-segment`: what the signature covers.
    public let signingInput: [UInt8]
    /// The token text as received.
    public let compact: String

    /// Parses a compact JWS.
    /// - Parameter compact: the token text.
    /// - Throws: `CredentialsError.invalidJWS` naming the segment or header member that is
    ///   wrong: not exactly three segments, text that is not strict unpadded base64url, a
    ///   header that is not a JSON object, an `alg` that is missing or refused, or a `crit`.
    public init(parsing compact: String) throws {
        // Bytes, not Characters: this runs once per verification, on the hot path.
        let bytes = Array(compact.utf8)
        let dots = bytes.indices.filter { bytes[$0] == UInt8(ascii: ".") }
        guard dots.count == 2 else {
            throw CredentialsError.invalidJWS("A compact JWS has exactly 3 dot-separated segments, not \(dots.count + 1).")
        }
        let segments = [bytes[..<dots[0]], bytes[(dots[0] + 1)..<dots[1]], bytes[(dots[1] + 1)...]]
        let headerBytes = try Self.decode(segments[0], segment: "header")
        guard !headerBytes.isEmpty, let header = (try? JSONValue(parsing: headerBytes))?.objectValue else {
            throw CredentialsError.invalidJWS("JWS header segment: the header must be a JSON object.")
        }
        guard let alg = header["alg"]?.stringValue else {
            throw CredentialsError.invalidJWS("JWS header: the alg member is missing or not a string.")
        }
        // RFC 7515 §4.1.11: a recipient must refuse extensions it does not understand.
        guard header["crit"] == nil else {
            throw CredentialsError.invalidJWS("JWS header: crit names extensions this verifier does not implement.")
        }
        self.header = header
        self.algorithm = try JWSAlgorithm(parsing: alg)
        self.payload = try Self.decode(segments[1], segment: "payload")
        self.signature = try Self.decode(segments[2], segment: "signature")
        self.signingInput = Array(bytes[..<dots[1]])
        self.compact = compact
    }

    /// The `kid` header member: for Chancery, the DID URL of the signing verification method.
    public var kid: String? { header["kid"]?.stringValue }

    /// The `typ` header member, such as `vc+jwt` or `kb+jwt`.
    public var typ: String? { header["typ"]?.stringValue }

    /// Checks the signature under `key`.
    ///
    /// The header's `alg` must be the algorithm of the key's curve: a token cannot ask for a
    /// different check than the key implies (no algorithm confusion).
    /// - Parameter key: the signer's public key, found by the caller (from `kid`, `cnf`, …).
    /// - Returns: `true` only when `alg` matches the key and the signature holds.
    public func isValidSignature(by key: PublicKeyMaterial) -> Bool {
        JWSAlgorithm(key: key) == algorithm && key.isValidSignature(signature, for: signingInput)
    }

    private static func decode(_ text: ArraySlice<UInt8>, segment: String) throws -> [UInt8] {
        do {
            return try Base64URL.decode(bytes: text)
        } catch {
            throw CredentialsError.invalidJWS("JWS \(segment) segment is not unpadded base64url.")
        }
    }

    /// Equal when the token texts are equal.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.compact == rhs.compact }
    /// Hashes the token text.
    public func hash(into hasher: inout Hasher) { hasher.combine(compact) }
}
