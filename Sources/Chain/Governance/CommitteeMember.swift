public import Primitives

/// A committee member: an id and the secp256k1 key that signs its approvals.
public struct CommitteeMember: StateRecord, Hashable {
    /// The member's id, unique in the committee.
    public var id: String
    /// The compressed secp256k1 public key in hex.
    public var publicKey: String

    /// Creates a committee member.
    public init(id: String, publicKey: String) {
        self.id = id
        self.publicKey = publicKey
    }

    /// The parsed key.
    /// - Throws: `ChainError.invalidGenesis` for a malformed key.
    public func key() throws(ChainError) -> Secp256k1PublicKey {
        guard let bytes = try? Hex.decode(publicKey), let key = try? Secp256k1PublicKey(bytes) else {
            throw ChainError(.invalidGenesis, "Committee member '\(id)' has no valid secp256k1 public key.")
        }
        return key
    }
}
