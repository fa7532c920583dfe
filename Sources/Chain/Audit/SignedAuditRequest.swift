public import Primitives

/// An auditor's signed audit query, as the `/audit` endpoints receive it and as the
/// `audit.query` transaction records it (`specs/audit.md` §5).
///
/// The auditor signs, with ECDSA on secp256k1, the JCS bytes of the query object
/// `{"auditor", "kind", <parameter>, "scope"?, "time"}`:
/// `TH("chancery/audit-query/v1", str chainId ‖ bytes JCS(query))`.
public struct SignedAuditRequest: Sendable, Hashable {
    /// The domain tag of the digest the auditor signs.
    public static let digestTag = "chancery/audit-query/v1"

    /// The asking auditor's id, as admitted on the chain.
    public let auditor: String
    /// What is asked.
    public let query: AuditQuery
    /// When the auditor asked, in milliseconds since 1970.
    public let time: UInt64
    /// The 64-byte compact ECDSA signature over ``digest(chainId:)``.
    public let signature: [UInt8]

    /// Creates a request from a signature made elsewhere (for example by an HSM custodian).
    /// - Parameters:
    ///   - auditor: the auditor's id.
    ///   - query: the query.
    ///   - time: the request time in milliseconds since 1970.
    ///   - signature: 64 bytes `r ‖ s`.
    public init(auditor: String, query: AuditQuery, time: UInt64, signature: [UInt8]) {
        self.auditor = auditor
        self.query = query
        self.time = time
        self.signature = signature
    }

    /// Signs a request with a software key.
    /// - Parameters:
    ///   - auditor: the auditor's id.
    ///   - query: the query.
    ///   - time: the request time in milliseconds since 1970.
    ///   - key: the auditor's signing key.
    ///   - chainId: the chain the query is for.
    /// - Throws: `ChainError.invalidBody` if signing fails.
    public init(auditor: String, query: AuditQuery, time: UInt64, key: Secp256k1PrivateKey, chainId: String) throws(ChainError) {
        let digest = Self.digest(chainId: chainId, object: Self.signedObject(auditor: auditor, query: query, time: time))
        guard let signature = try? key.signature(forDigest: digest) else { throw .invalidBody("The audit request could not be signed.") }
        self.init(auditor: auditor, query: query, time: time, signature: signature.compactRepresentation)
    }

    /// The query object the auditor signs.
    public var signedObject: JSONObject { Self.signedObject(auditor: auditor, query: query, time: time) }

    /// The digest the auditor signs for this request on `chainId`.
    /// - Parameter chainId: the chain's id.
    /// - Returns: 32 bytes.
    public func digest(chainId: String) -> [UInt8] { Self.digest(chainId: chainId, object: signedObject) }

    static func signedObject(auditor: String, query: AuditQuery, time: UInt64) -> JSONObject {
        var object = query.jsonMembers
        object["auditor"] = .string(auditor)
        object["time"] = AuditJSON.number(time)
        return object
    }

    static func digest(chainId: String, object: JSONObject) -> [UInt8] {
        var writer = ByteWriter(capacity: 256)
        writer.string(chainId)
        writer.bytes(JCS.canonicalize(.object(object)))
        return BIP340TaggedHash.hash(tag: digestTag, writer.bytes)
    }
}
