public import KeyCustody
public import Primitives
import Chain

/// The challenge a verifier puts to a grantee who presents an authorisation grant
/// (`specs/credentials.md` §5.7): the grant id, the item requested and a fresh nonce, which the
/// grantee signs with a current authentication key of its DID.
///
/// ```swift
/// let check = AuthorizationCheck(grantId: id, scopeItem: "urn:chancery:cpt:1000:1")   // verifier
/// let signature = try check.signature(chainId: chainId, privateKey: granteeKey)        // grantee
/// let verdict = try ledger.checkAuthorization(id: id, scopeItem: check.scopeItem, nonce: check.nonce,
///                                             signature: signature, now: now)           // verifier
/// ```
/// - Warning: the ledger does not remember nonces. The verifier issues each nonce once, accepts
///   at most one answer to it and expires it quickly; otherwise a captured answer can be replayed.
public struct AuthorizationCheck: Sendable, Hashable {
    /// The tag of the signed digest.
    public static let tag = "chancery/authz-check/v1"
    /// The shortest nonce accepted, in bytes.
    public static let minimumNonceLength = 16

    /// The grant's 16-byte id.
    public let grantId: [UInt8]
    /// The CPT identifier or resource URI requested.
    public let scopeItem: String
    /// The verifier's nonce.
    public let nonce: [UInt8]

    /// A challenge; the nonce defaults to 32 fresh random bytes.
    public init(grantId: [UInt8], scopeItem: String, nonce: [UInt8] = SecureRandom.bytes(count: 32)) {
        self.grantId = grantId
        self.scopeItem = scopeItem
        self.nonce = nonce
    }

    /// `TH("chancery/authz-check/v1", str chainId ‖ bytes grantId ‖ bytes nonce ‖ str scopeItem)`.
    /// - Returns: the 32-byte digest the grantee signs.
    public func digest(chainId: String) -> [UInt8] {
        var writer = ByteWriter(capacity: 128 + scopeItem.utf8.count)
        writer.string(chainId)
        writer.bytes(grantId)
        writer.bytes(nonce)
        writer.string(scopeItem)
        return BIP340TaggedHash.hash(tag: Self.tag, writer.bytes)
    }

    /// The grantee's 65-byte recoverable answer, signed with a software key.
    /// - Throws: `PrimitivesError` if signing fails.
    public func signature(chainId: String, privateKey: Secp256k1PrivateKey) throws -> [UInt8] {
        try privateKey.recoverableSignature(forDigest: digest(chainId: chainId)).rawRepresentation
    }

    /// The grantee's 65-byte recoverable answer, signed through a custodian.
    /// - Throws: the custodian's errors.
    public func signature(chainId: String, custodian: any KeyCustodian, key: KeyReference) async throws -> [UInt8] {
        let digest = digest(chainId: chainId)
        return try DIDAuthorizedOperation.recoverable(try await custodian.sign(digest: digest, with: key), digest: digest,
                                                      publicKey: try await custodian.publicKey(for: key))
    }
}
