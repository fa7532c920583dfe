/// A key and its value as etcd holds them, with the revisions that order changes.
public struct EtcdKeyValue: Sendable, Hashable {
    /// The key.
    public let key: [UInt8]
    /// The value.
    public let value: [UInt8]
    /// The revision that created the key (since its last deletion).
    public let createRevision: Int64
    /// The revision of the key's last change.
    public let modRevision: Int64

    /// Creates a record.
    public init(key: [UInt8], value: [UInt8], createRevision: Int64, modRevision: Int64) {
        self.key = key
        self.value = value
        self.createRevision = createRevision
        self.modRevision = modRevision
    }
}
