/// Read access to committed world state; the block builder layers pending writes over it.
public protocol StateReader: Sendable {
    /// The value at `(namespace, key)`, or `nil`.
    /// - Throws: `ChainError.storageFailure` when the store cannot be read.
    func value(namespace: String, key: [UInt8]) throws -> [UInt8]?

    /// Every entry of `namespace` whose key starts with `prefix`, in ascending key order.
    /// - Throws: `ChainError.storageFailure` when the store cannot be read.
    func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])]
}
