/// An admitted auditor: the X25519 key envelopes are sealed to and the secp256k1 key that
/// signs its audit requests, with the scope it may query.
public struct AuditorRecord: StateRecord, Hashable {
    /// The auditor's id.
    public var id: String
    /// X25519 public key in hex.
    public var encryptionKey: String
    /// Compressed secp256k1 public key in hex.
    public var signingKey: String

    /// Creates an auditor record.
    public init(id: String, encryptionKey: String, signingKey: String) {
        self.id = id
        self.encryptionKey = encryptionKey
        self.signingKey = signingKey
    }
}
