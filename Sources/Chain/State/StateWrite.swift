/// One change to world state: a put (with a value) or a delete (`value == nil`).
public struct StateWrite: Sendable, Hashable {
    /// The namespace, such as `member` or `did`.
    public let namespace: String
    /// The key within the namespace.
    public let key: [UInt8]
    /// The new value, or `nil` for a delete.
    public let value: [UInt8]?

    /// Creates a write.
    public init(namespace: String, key: [UInt8], value: [UInt8]?) {
        self.namespace = namespace
        self.key = key
        self.value = value
    }
}
