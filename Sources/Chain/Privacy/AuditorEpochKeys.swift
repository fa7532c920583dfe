public import Primitives

/// The auditor's per-epoch public keys for a run of coming epochs, as the auditor publishes
/// them to the membership service (`specs/audit.md` §6): `P_e` cannot be derived without the
/// master, so the auditor derives them ahead of time and the service holds only these.
///
/// JSON form: `{"masterPublicKey": "<hex compressed secp256k1>", "keys": {"20413": "<hex X25519>", ...}}`.
/// ```swift
/// let published = try keyring.publish(epochs: current..<current + 92)   // at the auditor
/// let service = MembershipService(chainId: id, key: msKey, auditorKeys: published, ...)
/// ```
public struct AuditorEpochKeys: AuditorSealingKeys, Codable, Hashable {
    /// The keyring's master public key (`master · G`), naming which auditor published the keys.
    public let masterPublicKey: String
    /// The X25519 public keys in hex, by decimal epoch.
    public let keys: [String: String]

    /// Wraps published keys.
    /// - Parameters:
    ///   - masterPublicKey: the publishing keyring's master public key.
    ///   - keys: the public key of each epoch.
    public init(masterPublicKey: Secp256k1PublicKey, keys: [UInt64: X25519PublicKey]) {
        self.masterPublicKey = Hex.encode(masterPublicKey.compressedRepresentation)
        self.keys = Dictionary(uniqueKeysWithValues: keys.map { (String($0.key), Hex.encode($0.value.rawRepresentation)) })
    }

    /// The epochs covered, in order.
    public var epochs: [UInt64] { keys.keys.compactMap(UInt64.init).sorted() }

    /// The published key of `epoch`.
    /// - Throws: `ChainError.invalidAuditorKey` when the auditor published none for `epoch`.
    public func publicKey(epoch: UInt64) throws -> X25519PublicKey {
        guard let hex = keys[String(epoch)] else {
            throw ChainError(.invalidAuditorKey, "The auditor has published no key for epoch \(epoch); it must publish the keys of coming epochs before they start.")
        }
        guard let bytes = try? Hex.decode(hex), let key = try? X25519PublicKey(rawRepresentation: bytes) else {
            throw ChainError(.invalidAuditorKey, "The published auditor key of epoch \(epoch) is not a 32-byte X25519 key in hex.")
        }
        return key
    }
}
