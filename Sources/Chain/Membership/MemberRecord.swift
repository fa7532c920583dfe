/// An admitted member as the chain records it: the long-term key that authenticates one-time
/// key requests, and the custody mode of that key.
public struct MemberRecord: StateRecord, Hashable {
    /// The member's handle (hex), sealed inside auditor envelopes.
    public var handle: String
    /// A human name (an account name), visible to readers of the member registry.
    public var name: String
    /// The long-term compressed secp256k1 public key in hex.
    public var publicKey: String
    /// The custody mode name (`hsm`, `partial`, `full`).
    public var custody: String

    /// Creates a member record.
    public init(handle: String, name: String, publicKey: String, custody: String) {
        self.handle = handle
        self.name = name
        self.publicKey = publicKey
        self.custody = custody
    }
}
