public import Chain
import Foundation
import Primitives

/// The chain's ``OrderedLog`` in an etcd cluster (`specs/consortium.md` §3, §5): entries as
/// ``OrderingLog`` appends them, signatures under `/chancery/<chainId>/sig/<20-digit
/// height>/<hex node key>` = `blockHash ‖ signature`, and one long-lived watch on the chain's
/// prefix (``EtcdWatcher``) to wake its reader.
///
/// ```swift
/// let log = EtcdOrderedLog(etcd: EtcdClient(endpoints: urls, httpClient: .shared), chainId: genesis.chainId)
/// configuration.logOrdering = LogOrdering(log: log, cursorFile: directory.url.appendingPathComponent("log-cursor"))
/// ```
public struct EtcdOrderedLog: OrderedLog {
    /// The log's entries.
    public let entries: OrderingLog
    /// One watch stream for every wait of this log's reader.
    private let watcher: EtcdWatcher
    private var etcd: EtcdClient { entries.etcd }
    private var prefix: [UInt8] { Array("/chancery/\(entries.chainId)/".utf8) }
    private var signaturePrefix: [UInt8] { prefix + Array("sig/".utf8) }

    /// The log of `chainId` in `etcd`.
    public init(etcd: EtcdClient, chainId: String) {
        entries = OrderingLog(etcd: etcd, chainId: chainId)
        watcher = EtcdWatcher(etcd: etcd, prefix: Array("/chancery/\(chainId)/".utf8))
    }

    public func append(_ entry: [UInt8]) async throws -> UInt64 {
        try await entries.append(entry)
    }

    public func read(entriesFrom sequence: UInt64, limit: Int, signaturesFrom height: UInt64) async throws -> OrderedLogSnapshot {
        let (found, revision) = try await entries.read(from: sequence, limit: limit)
        let start = signaturePrefix + Array(Self.padded(height).utf8)
        let (values, _) = try await etcd.range(key: start, rangeEnd: EtcdClient.prefixEnd(signaturePrefix))
        let signatures = values.compactMap { value -> PublishedSignature? in
            // <20-digit height>/<hex node key>
            let name = String(decoding: value.key.dropFirst(signaturePrefix.count), as: UTF8.self)
            let parts = name.split(separator: "/")
            guard parts.count == 2, let height = UInt64(parts[0]), let node = try? Hex.decode(String(parts[1])) else { return nil }
            return PublishedSignature(height: height, nodeKey: node, value: value.value)
        }
        return OrderedLogSnapshot(entries: found, signatures: signatures, version: UInt64(max(revision, 0)))
    }

    public func waitForChange(after version: UInt64, timeout: Duration) async throws {
        await watcher.waitForChange(after: Int64(version), timeout: timeout)
    }

    /// One etcd transaction per 64 signatures (etcd takes at most 128 operations in one).
    public func publish(_ signatures: [PublishedSignature]) async throws {
        for start in stride(from: 0, to: signatures.count, by: 64) {
            let puts = signatures[start..<min(signatures.count, start + 64)].map { signature in
                (signaturePrefix + Array((Self.padded(signature.height) + "/" + Hex.encode(signature.signature.nodeKey)).utf8), signature.value)
            }
            _ = try await etcd.transaction(compare: [], success: puts)
        }
    }

    public func compaction() async throws -> LogCompaction? {
        guard let value = try await etcd.range(key: compactionKey).values.first else { return nil }
        return try LogCompaction(decoding: value.value)
    }

    /// Records the marker with a transaction that holds only if the marker in force is the one
    /// read (so it only moves up), then deletes the entries and signatures below it and compacts
    /// etcd's history to the revision of the deletion.
    public func compact(to marker: LogCompaction) async throws -> LogCompaction {
        for _ in 0..<100 {
            let current = try await etcd.range(key: compactionKey).values.first
            if let current, let inForce = try? LogCompaction(decoding: current.value), inForce.sequence >= marker.sequence { return inForce }
            let guardMarker: EtcdComparison = current.map { EtcdComparison.value(of: compactionKey, equals: $0.value) } ?? .absent(compactionKey)
            let (succeeded, _) = try await etcd.transaction(compare: [guardMarker], success: [(compactionKey, marker.encoded)])
            guard succeeded else { continue }
            try await etcd.delete(key: entries.entryKey(0), rangeEnd: entries.entryKey(marker.sequence))
            let end = signaturePrefix + Array(Self.padded(marker.height + 1).utf8)
            let (_, revision) = try await etcd.range(key: compactionKey)
            try await etcd.delete(key: signaturePrefix, rangeEnd: end)
            // Another node may have compacted the history further already: nothing to do then.
            try? await etcd.compact(revision: revision)
            return marker
        }
        throw EtcdError(.badResponse, "Compacting the log of \(entries.chainId) lost the race for its marker 100 times.")
    }

    private var compactionKey: [UInt8] { prefix + Array("compacted".utf8) }

    private static func padded(_ number: UInt64) -> String { String(format: "%020llu", number) }
}
