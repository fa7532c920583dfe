import Foundation

/// An ``OrderedLog`` in this process's memory: real, not durable, shared by the nodes of one
/// test as the etcd cluster is shared by the nodes of a consortium.
public final class InMemoryOrderedLog: OrderedLog, @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [[UInt8]] = []
    private var signatures: [UInt64: [[UInt8]: PublishedSignature]] = [:]
    private var version: UInt64 = 0

    /// An empty log.
    public init() {}

    public func append(_ entry: [UInt8]) async throws -> UInt64 {
        lock.withLock {
            entries.append(entry)
            version += 1
            return UInt64(entries.count - 1)
        }
    }

    public func read(entriesFrom sequence: UInt64, limit: Int, signaturesFrom height: UInt64) async throws -> OrderedLogSnapshot {
        lock.withLock {
            let start = Int(min(sequence, UInt64(entries.count)))
            let end = limit > 0 ? min(entries.count, start + limit) : entries.count
            let found = (start..<end).map { (sequence: UInt64($0), entry: entries[$0]) }
            let published = signatures.filter { $0.key >= height }.sorted { $0.key < $1.key }.flatMap { $0.value.values }
            return OrderedLogSnapshot(entries: found, signatures: published, version: version)
        }
    }

    public func waitForChange(after version: UInt64, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        // Polling is cheap in memory; the etcd log waits on a watch instead.
        while lock.withLock({ self.version }) <= version && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    public func publish(_ signature: PublishedSignature) async throws {
        lock.withLock {
            signatures[signature.height, default: [:]][signature.signature.nodeKey] = signature
            version += 1
        }
    }

    /// Replaces entry `sequence`, as a lying log member would, for divergence tests.
    public func overwrite(_ sequence: UInt64, with entry: [UInt8]) {
        lock.withLock {
            entries[Int(sequence)] = entry
            version += 1
        }
    }
}
