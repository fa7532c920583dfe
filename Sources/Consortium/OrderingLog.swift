internal import Foundation

/// The consortium's ordered log in etcd (`specs/consortium.md` §3): entries under
/// `/chancery/<chainId>/log/<20-digit sequence>`, numbered densely from 0 by a transaction that
/// moves `/chancery/<chainId>/head` only if no other node moved it first.
///
/// ```swift
/// let log = OrderingLog(etcd: etcd, chainId: "uni-consortium")
/// let sequence = try await log.append(batch)          // 0, 1, 2, … across every node
/// let next = try await log.entries(from: sequence, limit: 100)
/// ```
public struct OrderingLog: Sendable {
    /// The etcd cluster that holds the log.
    public let etcd: EtcdClient
    /// The chain whose log this is.
    public let chainId: String
    /// How many times an append retries after other nodes' appends won the race for the head.
    public var maximumAttempts = 1_000

    /// The log of `chainId` in `etcd`.
    public init(etcd: EtcdClient, chainId: String) {
        self.etcd = etcd
        self.chainId = chainId
    }

    private var prefix: String { "/chancery/\(chainId)/" }
    private var headKey: [UInt8] { Array((prefix + "head").utf8) }
    private var logPrefix: [UInt8] { Array((prefix + "log/").utf8) }

    /// The key of entry `sequence`: zero-padded so key order is sequence order.
    func entryKey(_ sequence: UInt64) -> [UInt8] {
        logPrefix + Array(String(format: "%020llu", sequence).utf8)
    }

    /// Appends an entry at the next sequence number, whatever other nodes append meanwhile.
    /// - Parameter entry: the entry's bytes (a batch of transactions, §3.1).
    /// - Returns: its sequence number.
    /// - Throws: ``EtcdError`` (`unavailable` when the cluster has no quorum); `badResponse`
    ///   when the head is not a number or the race is lost ``maximumAttempts`` times.
    public func append(_ entry: [UInt8]) async throws -> UInt64 {
        for _ in 0..<maximumAttempts {
            let (values, _) = try await etcd.range(key: headKey)
            let next: UInt64
            let guardHead: EtcdComparison
            if let head = values.first {
                guard let number = UInt64(String(decoding: head.value, as: UTF8.self)) else {
                    throw EtcdError(.badResponse, "The log head of \(chainId) is not a number.")
                }
                next = number
                guardHead = .value(of: headKey, equals: head.value)
            } else {
                next = 0
                guardHead = .absent(headKey)
            }
            let (succeeded, _) = try await etcd.transaction(
                compare: [guardHead, .absent(entryKey(next))],
                success: [(entryKey(next), entry), (headKey, Array(String(next + 1).utf8))])
            if succeeded { return next }
        }
        throw EtcdError(.badResponse, "Appending to the log of \(chainId) lost the race for its head \(maximumAttempts) times.")
    }

    /// Entries from `sequence` on, in order.
    /// - Parameters:
    ///   - sequence: the first sequence number wanted.
    ///   - limit: at most this many (0 for all).
    /// - Returns: the entries with their sequence numbers.
    /// - Throws: ``EtcdError``; `badResponse` for a key that is not an entry's.
    public func entries(from sequence: UInt64, limit: Int = 0) async throws -> [(sequence: UInt64, entry: [UInt8])] {
        try await read(from: sequence, limit: limit).entries
    }

    /// Entries from `sequence` on, in order, with the revision of the read (to watch from).
    /// - Throws: ``EtcdError``; `badResponse` for a key that is not an entry's.
    public func read(from sequence: UInt64, limit: Int = 0) async throws -> (entries: [(sequence: UInt64, entry: [UInt8])], revision: Int64) {
        let (values, revision) = try await etcd.range(key: entryKey(sequence), rangeEnd: EtcdClient.prefixEnd(logPrefix), limit: limit)
        return (try values.map { value in
            guard let sequence = UInt64(String(decoding: value.key.dropFirst(logPrefix.count), as: UTF8.self)) else {
                throw EtcdError(.badResponse, "A key under the log of \(chainId) is not an entry's.")
            }
            return (sequence, value.value)
        }, revision)
    }
}
