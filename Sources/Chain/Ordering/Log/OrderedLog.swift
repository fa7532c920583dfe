/// The consortium's shared, ordered log and its published header signatures
/// (`specs/consortium.md` §3, §5), as the chain reads and writes them. The chain does not know
/// what holds the log: `Consortium.EtcdOrderedLog` keeps it in an etcd cluster,
/// ``InMemoryOrderedLog`` in this process, for tests.
///
/// Entries are numbered densely from 0; an append never overwrites and never leaves a gap.
public protocol OrderedLog: Sendable {
    /// Appends an entry at the next sequence number, whatever other nodes append meanwhile.
    /// - Parameter entry: the entry's bytes (`LogEntry.encoded`).
    /// - Returns: its sequence number.
    /// - Throws: when the log cannot be reached or refuses the write.
    func append(_ entry: [UInt8]) async throws -> UInt64

    /// What the log holds from `sequence` and from signatures' `height` on.
    /// - Parameters:
    ///   - sequence: the first entry wanted.
    ///   - limit: at most this many entries.
    ///   - height: the lowest height whose published signatures are wanted.
    /// - Returns: entries in sequence order, signatures, and a version to wait from.
    /// - Throws: when the log cannot be read.
    func read(entriesFrom sequence: UInt64, limit: Int, signaturesFrom height: UInt64) async throws -> OrderedLogSnapshot

    /// Returns once something was appended or published after `version`, or after `timeout`
    /// (whichever is first); a reader calls ``read(entriesFrom:limit:signaturesFrom:)`` again.
    /// - Throws: when the log cannot be reached (the reader waits and retries).
    func waitForChange(after version: UInt64, timeout: Duration) async throws

    /// Publishes this node's signatures over the headers it computed, several heights at once
    /// (one write to the log, so a node that fell behind does not pay one round trip a block).
    /// - Throws: when the log cannot be reached; then none or only some may be published, and
    ///   the caller publishes them all again.
    func publish(_ signatures: [PublishedSignature]) async throws

    /// The log's compaction marker (`specs/consortium.md` §3.3), or `nil` when nothing was
    /// compacted.
    /// - Throws: when the log cannot be read or the marker is not one.
    func compaction() async throws -> LogCompaction?

    /// Compacts the log to `marker`: records it, unless a marker at or above its sequence is in
    /// force already, then deletes the entries below its sequence and the signatures at or
    /// below its height (several nodes may compact at once; the marker only moves up).
    /// - Returns: the marker in force afterwards.
    /// - Throws: when the log cannot be reached.
    func compact(to marker: LogCompaction) async throws -> LogCompaction
}

/// One read of an ``OrderedLog``.
public struct OrderedLogSnapshot: Sendable {
    /// Entries in sequence order.
    public var entries: [(sequence: UInt64, entry: [UInt8])]
    /// Published signatures at or above the height asked for.
    public var signatures: [PublishedSignature]
    /// The log's version when read (etcd's revision), for ``OrderedLog/waitForChange(after:timeout:)``.
    public var version: UInt64

    /// Creates a snapshot.
    public init(entries: [(sequence: UInt64, entry: [UInt8])], signatures: [PublishedSignature], version: UInt64) {
        self.entries = entries
        self.signatures = signatures
        self.version = version
    }
}

/// A node's signature over the header hash it computed at a height, as published under the
/// log's `sig/` keys (`specs/consortium.md` §5). The hash travels with the signature so that a
/// node signing another header is seen as divergent, not merely as a bad signature.
public struct PublishedSignature: Sendable, Hashable {
    /// The block's height.
    public let height: UInt64
    /// The header hash the node computed.
    public let blockHash: [UInt8]
    /// The node's key and its signature over ``blockHash``.
    public let signature: NodeSignature

    /// Creates a published signature.
    public init(height: UInt64, blockHash: [UInt8], signature: NodeSignature) {
        self.height = height
        self.blockHash = blockHash
        self.signature = signature
    }

    /// The stored value: `blockHash ‖ signature` (the key names the height and the node).
    public var value: [UInt8] { blockHash + signature.signature }

    /// Parses a stored value for `height` by `nodeKey`; `nil` when it is not 32 + 64 bytes.
    public init?(height: UInt64, nodeKey: [UInt8], value: [UInt8]) {
        guard value.count == 96 else { return nil }
        self.init(height: height, blockHash: Array(value[..<32]), signature: NodeSignature(nodeKey: nodeKey, signature: Array(value[32...])))
    }
}
