import Foundation
import Primitives

/// World state rebuilt from the ledger alone, in memory, for `chain verify`.
final class ReplayState: StateReader, @unchecked Sendable {
    // Used by one verifier on one thread.
    private var entries: [String: [[UInt8]: [UInt8]]] = [:]

    func value(namespace: String, key: [UInt8]) throws -> [UInt8]? { entries[namespace]?[key] }

    func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])] {
        (entries[namespace] ?? [:]).filter { $0.key.starts(with: prefix) }.map { (key: $0.key, value: $0.value) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }

    func apply(_ writes: [StateWrite]) {
        for write in writes { entries[write.namespace, default: [:]][write.key] = write.value }
    }

    /// Keys of the nodes admitted so far.
    func nodeKeys() -> Set<[UInt8]> { Set((entries[ChainNamespace.node] ?? [:]).keys) }

    /// The first stored entry that differs from the replay, or `nil` when they are equal.
    func firstDifference(from store: any BlockStore) throws -> String? {
        var remaining = entries
        var difference: String?
        try store.forEachStateEntry { stored in
            guard difference == nil else { return }
            let expected = remaining[stored.namespace]?.removeValue(forKey: stored.key)
            if expected != stored.value {
                difference = "the stored entry \(stored.namespace)/\(Hex.encode(stored.key)) "
                    + (expected == nil ? "is not produced by any transaction" : "has a different value than the ledger produces")
            }
        }
        if let difference { return difference }
        if let (namespace, missing) = remaining.first(where: { !$0.value.isEmpty }), let key = missing.keys.first {
            return "the entry \(namespace)/\(Hex.encode(key)) produced by the ledger is missing from the stored state"
        }
        return nil
    }
}

/// Collects signature failures from concurrent checks; reports the lowest index.
final class LockedFailures: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var failures: [(Int, ChainError)] = []

    func record(_ index: Int, _ error: ChainError) { lock.withLock { failures.append((index, error)) } }
    var first: (Int, ChainError)? { lock.withLock { failures.min { $0.0 < $1.0 } } }
}
