import Foundation
public import Primitives

/// What a delegator grants (`specs/custody.md` "Delegated accounts"): who acts for whom, for
/// what, how often and until when. The delegator signs their JCS bytes; their SHA-256 is the
/// delegation's id.
///
/// The chain treats the two DIDs as text: the upper module that applies delegated operations
/// (did:chancery) checks them, since the chain knows nothing of DIDs.
public struct DelegationTerms: Hashable, Sendable, Codable {
    /// The delegating account's DID, the subject the delegate acts on.
    public let delegator: String
    /// The delegator's compressed secp256k1 key (hex) that signs the grant and its revocation.
    public let delegatorKey: String
    /// The delegate's DID; its keys sign the delegated operations.
    public let delegate: String
    /// What the delegate may do, sorted, without repeats.
    public let purposes: [DelegationPurpose]
    /// The delegate's own rate limit.
    public let rateLimit: DelegationRateLimit
    /// The delegation ends at this block time, milliseconds since 1970.
    public let validUntil: UInt64
    /// When the delegator made the grant (milliseconds since 1970); two grants of the same
    /// terms at different times are different delegations.
    public let time: UInt64

    /// Creates terms.
    /// - Throws: `ChainError.invalidBody` for an empty DID, a key that is not secp256k1, or no purpose.
    public init(delegator: String, delegatorKey: Secp256k1PublicKey, delegate: String, purposes: [DelegationPurpose],
                rateLimit: DelegationRateLimit, validUntil: UInt64, time: UInt64) throws(ChainError) {
        self.delegator = delegator
        self.delegatorKey = Hex.encode(delegatorKey.compressedRepresentation)
        self.delegate = delegate
        self.purposes = Array(Set(purposes)).sorted()
        self.rateLimit = rateLimit
        self.validUntil = validUntil
        self.time = time
        try validate()
    }

    public init(from decoder: any Decoder) throws {
        enum Keys: String, CodingKey { case delegator, delegatorKey, delegate, purposes, rateLimit, validUntil, time }
        let container = try decoder.container(keyedBy: Keys.self)
        delegator = try container.decode(String.self, forKey: .delegator)
        delegatorKey = try container.decode(String.self, forKey: .delegatorKey)
        delegate = try container.decode(String.self, forKey: .delegate)
        purposes = try container.decode([DelegationPurpose].self, forKey: .purposes)
        rateLimit = try container.decode(DelegationRateLimit.self, forKey: .rateLimit)
        validUntil = try container.decode(UInt64.self, forKey: .validUntil)
        time = try container.decode(UInt64.self, forKey: .time)
        try validate()
    }

    /// The delegator's key, parsed.
    public func signingKey() throws(ChainError) -> Secp256k1PublicKey {
        guard let bytes = try? Hex.decode(delegatorKey), bytes.count == 33, let key = try? Secp256k1PublicKey(bytes) else {
            throw .invalidBody("'delegatorKey' is not a compressed secp256k1 public key in hex.")
        }
        return key
    }

    /// The JCS bytes the delegator signs.
    public func canonicalBytes() throws(ChainError) -> [UInt8] {
        do { return JCS.canonicalize(try JSONValue(parsing: Array(try JSONEncoder().encode(self)))) } catch {
            throw .invalidBody("The delegation terms cannot be encoded: \(error).")
        }
    }

    /// The delegation id: SHA-256 of the canonical bytes.
    public func id() throws(ChainError) -> DelegationID { DelegationID(bytes: Hash.sha256(try canonicalBytes())) }

    /// The digest the delegator signs with ECDSA for these terms on `chainId`.
    public func digest(chainId: String) throws(ChainError) -> [UInt8] {
        var writer = ByteWriter(capacity: 512)
        writer.string(chainId)
        writer.bytes(try canonicalBytes())
        return BIP340TaggedHash.hash(tag: "chancery/delegation-grant/v1", writer.bytes)
    }

    private func validate() throws(ChainError) {
        guard !delegator.isEmpty, !delegate.isEmpty else { throw .invalidBody("A delegation names a delegator and a delegate.") }
        guard delegator != delegate else { throw .invalidBody("An account cannot delegate to itself.") }
        _ = try signingKey()
        guard !purposes.isEmpty, purposes == Array(Set(purposes)).sorted() else {
            throw .invalidBody("'purposes' must be a sorted list of distinct purposes, at least one.")
        }
        guard validUntil <= 1 << 53, time <= 1 << 53 else { throw .invalidBody("Times are whole milliseconds up to 2^53.") }
    }
}
