/// Pending state changes layered over a ``StateReader``: the block builder gives one to each
/// transaction handler, and keeps its writes only if the handler accepts the transaction.
///
/// Not thread-safe: one block builder uses it from one thread.
public final class StateTransaction: @unchecked Sendable {
    private let base: any StateReader
    private var pending: [StateKey: [UInt8]?] = [:]
    private(set) var writes: [StateWrite] = []

    init(base: any StateReader) { self.base = base }

    /// The value at `(namespace, key)` as this transaction sees it.
    /// - Throws: `ChainError.storageFailure` when the store cannot be read.
    public func value(namespace: String, key: [UInt8]) throws -> [UInt8]? {
        if let overlaid = pending[StateKey(namespace: namespace, key: key)] { return overlaid }
        return try base.value(namespace: namespace, key: key)
    }

    /// Entries of `namespace` starting with `prefix`, pending writes included, in key order.
    /// - Throws: `ChainError.storageFailure` when the store cannot be read.
    public func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])] {
        var merged: [[UInt8]: [UInt8]] = [:]
        for entry in try base.entries(namespace: namespace, prefix: prefix) { merged[entry.key] = entry.value }
        for (stateKey, value) in pending where stateKey.namespace == namespace && stateKey.key.starts(with: prefix) {
            merged[stateKey.key] = value  // nil removes a deleted entry
        }
        return merged.map { (key: $0.key, value: $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }

    /// Sets `(namespace, key)` to `value`.
    public func put(namespace: String, key: [UInt8], value: [UInt8]) {
        pending[StateKey(namespace: namespace, key: key)] = .some(value)
        writes.append(StateWrite(namespace: namespace, key: key, value: value))
    }

    /// Removes `(namespace, key)`.
    public func delete(namespace: String, key: [UInt8]) {
        pending[StateKey(namespace: namespace, key: key)] = .some(nil)
        writes.append(StateWrite(namespace: namespace, key: key, value: nil))
    }

    /// A nested transaction whose writes reach this one only through `merge(_:)`.
    func child() -> StateTransaction { StateTransaction(base: self) }

    /// Keeps a nested transaction's writes.
    func merge(_ child: StateTransaction) {
        for write in child.writes {
            pending[StateKey(namespace: write.namespace, key: write.key)] = .some(write.value)
        }
        writes.append(contentsOf: child.writes)
    }
}

extension StateTransaction: StateReader {}
