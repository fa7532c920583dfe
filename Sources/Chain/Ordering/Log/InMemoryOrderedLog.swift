import Foundation

/// An ``OrderedLog`` in this process's memory: real, not durable, shared by the nodes of one
/// test as the etcd cluster is shared by the nodes of a consortium.
public final class InMemoryOrderedLog: OrderedLog, @unchecked Sendable {
    private let lock = NSLock()
    /// Entries from ``firstSequence`` on (those below were compacted).
    private var entries: [[UInt8]] = []
    private var firstSequence: UInt64 = 0
    private var marker: LogCompaction?
    private var signatures: [UInt64: [[UInt8]: PublishedSignature]] = [:]
    private var version: UInt64 = 0

    /// An empty log.
    public init() {}

    public func append(_ entry: [UInt8]) async throws -> UInt64 {
        lock.withLock {
            entries.append(entry)
            version += 1
            return firstSequence + UInt64(entries.count - 1)
        }
    }

    public func read(entriesFrom sequence: UInt64, limit: Int, signaturesFrom height: UInt64) async throws -> OrderedLogSnapshot {
        lock.withLock {
            let start = Int(min(max(sequence, firstSequence) - firstSequence, UInt64(entries.count)))
            let end = limit > 0 ? min(entries.count, start + limit) : entries.count
            let found = (start..<end).map { (sequence: firstSequence + UInt64($0), entry: entries[$0]) }
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

    public func publish(_ published: [PublishedSignature]) async throws {
        lock.withLock {
            for signature in published { signatures[signature.height, default: [:]][signature.signature.nodeKey] = signature }
            version += 1
        }
    }

    public func compaction() async throws -> LogCompaction? { lock.withLock { marker } }

    public func compact(to marker: LogCompaction) async throws -> LogCompaction {
        lock.withLock {
            if let current = self.marker, current.sequence >= marker.sequence { return current }
            self.marker = marker
            let dropped = Int(min(marker.sequence - min(marker.sequence, firstSequence), UInt64(entries.count)))
            entries.removeFirst(dropped)
            firstSequence += UInt64(dropped)
            signatures = signatures.filter { $0.key > marker.height }
            version += 1
            return marker
        }
    }

    /// Replaces entry `sequence`, as a lying log member would, for divergence tests.
    public func overwrite(_ sequence: UInt64, with entry: [UInt8]) {
        lock.withLock {
            entries[Int(sequence - firstSequence)] = entry
            version += 1
        }
    }
}
