public import Primitives

/// An SD-JWT before signing: the issuer-signed payload (with `_sd` digests, `_sd_alg` and
/// `cnf`) and the Disclosures that go with it. Members added to ``payload`` before
/// ``sign(signer:)`` are always disclosed.
public struct SDJWTDraft: Sendable {
    /// The payload the issuer signs.
    public var payload: JSONObject
    /// The Disclosures, in issuance order.
    public let disclosures: [Disclosure]

    /// Creates a draft.
    public init(payload: JSONObject, disclosures: [Disclosure]) {
        self.payload = payload
        self.disclosures = disclosures
    }

    /// Signs the payload as a `vc+sd-jwt`.
    /// - Returns: `issuer-JWT~disclosure~…~`.
    /// - Throws: the signer's error.
    public func sign(signer: any CredentialSigner) async throws -> String {
        try await sign(payloadBytes: JSONValue.object(payload).serialized(), signer: signer)
    }

    /// Signs given payload bytes, which must encode ``payload`` (plus any members the issuer
    /// appended, such as its anchor evidence).
    /// - Returns: `issuer-JWT~disclosure~…~`.
    public func sign(payloadBytes: [UInt8], signer: any CredentialSigner) async throws -> String {
        let jwt = try await CompactJWS.sign(header: ["typ": "vc+sd-jwt"], payload: payloadBytes, signer: signer)
        return ([jwt] + disclosures.map(\.encoded)).joined(separator: "~") + "~"
    }
}
