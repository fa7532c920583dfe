import Foundation
import Primitives

/// The orderer of a consortium node (`specs/consortium.md` §2-§6), a sibling of
/// ``SoloOrderer``: it batches the transactions submitted to this node into log entries and
/// appends them to the shared ``OrderedLog``; it reads the log in order and cuts one block per
/// entry, the same on every node (``BlockBuilder`` and ``TransactionApplier`` as the solo
/// orderer uses them); it signs each header it computed and publishes the signature; and it
/// answers a submitter once its block is final (a quorum of admitted nodes signed the same hash).
///
/// Three loops: the appender (a task), the follower (a task, which commits blocks on a serial
/// queue of its own, since SQLite and fsync block), and the submitters waiting on continuations.
final class LogOrderer: @unchecked Sendable {
    /// Batching limits of the appender.
    struct Limits: Sendable {
        var maximumBatch = LogEntry.maximumTransactions
        var maximumDelayMilliseconds = 20
        var idleGapMicroseconds = 1_000
        var maximumQueued = 50_000
    }

    /// A block applied but not yet final, with what finality needs.
    struct Unfinal {
        let hash: [UInt8]
        /// The nodes admitted at the block's parent: the quorum is counted over them.
        let nodes: Set<[UInt8]>
        var receipts: [(CheckedContinuation<TransactionReceipt, any Error>, TransactionReceipt)] = []
    }

    let log: any OrderedLog
    let store: any BlockStore
    let builder: BlockBuilder
    let nodeKey: SigningKey
    let clock: any ChainClock
    let limits: Limits
    let setting: LogOrdering
    /// The stateless checks (`chain.md` §2.5 steps 1-4, §2.6) for other nodes' transactions.
    let check: @Sendable (Transaction) -> Result<CheckedTransaction, ChainError>
    /// The stateless checks of a peer's block before its replay (§3.3).
    let peerCheck: PeerBlockCheck
    let commitQueue = DispatchQueue(label: "chancery.log-orderer.commit", qos: .userInitiated)

    // Everything below is guarded by `lock`.
    let lock = NSLock()
    var queue: [(transaction: CheckedTransaction, firstArrival: ContinuousClock.Instant)] = []
    /// What this node's own queued transactions' handlers prepared, by id, until their entry
    /// comes back from the log to be applied.
    var ownPrepared: [TransactionID: CheckedTransaction] = [:]
    var lastArrival = ContinuousClock.now
    var waiting: [TransactionID: [CheckedContinuation<TransactionReceipt, any Error>]] = [:]
    var head: BlockHeader
    /// Final height plus one (0: not even block 0 is final yet).
    var finalCount: UInt64 = 0
    /// The next log sequence number to read.
    var cursor: UInt64 = 0
    var unfinal: [UInt64: Unfinal] = [:]
    var admitted: Set<[UInt8]>
    var alert: DivergenceAlert?
    /// The log's compaction marker as last read or written (§3.3).
    var compacted: LogCompaction?
    /// Entries this node cut a block from since it started, with that block's height and hash:
    /// where it may compact the log to (only with a retention set; pruned as it compacts).
    var madeBlocks: [(sequence: UInt64, height: UInt64, hash: [UInt8])] = []
    /// This node's entries appended or being appended whose blocks are not final here yet.
    var entriesInFlight = 0
    /// The heights of blocks cut from this node's own entries that are not final yet.
    var ownHeights: [UInt64] = []
    /// Published signatures found valid and not yet final, so each is checked once.
    var checkedSignatures: Set<PublishedSignature> = []
    var statistics = OrdererStatistics()
    var stopping = false
    var appenderWake: AsyncStream<Void>.Continuation?
    var tasks: [Task<Void, Never>] = []
    let finished = DispatchGroup()

    init(store: any BlockStore, builder: BlockBuilder, clock: any ChainClock, head: BlockHeader, limits: Limits,
         setting: LogOrdering, check: @escaping @Sendable (Transaction) -> Result<CheckedTransaction, ChainError>) throws {
        self.log = setting.log
        self.store = store
        self.builder = builder
        self.nodeKey = builder.nodeKey
        self.clock = clock
        self.head = head
        self.limits = limits
        self.setting = setting
        self.check = check
        peerCheck = PeerBlockCheck(chainId: builder.applier.chainId, suite: builder.suite)
        admitted = try Self.admittedNodes(in: store)
        let saved = loadCursor()
        cursor = saved.next
        try recoverFinality(recorded: min(saved.finalCount, head.height + 1))
        let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        appenderWake = wake
        finished.enter()
        finished.enter()
        tasks = [
            Task.detached(priority: .userInitiated) { [self] in await appendLoop(wakes); finished.leave() },
            Task.detached(priority: .userInitiated) { [self] in await followLoop(); finished.leave() },
        ]
    }

    var latestHeader: BlockHeader { lock.withLock { head } }
    var latestHeight: UInt64 { lock.withLock { head.height } }
    var finalHeight: UInt64 { lock.withLock { finalCount == 0 ? 0 : finalCount - 1 } }
    var divergence: DivergenceAlert? { lock.withLock { alert } }
    var currentStatistics: OrdererStatistics { lock.withLock { statistics } }

    /// Queues a checked transaction for the log; returns once its block is final here.
    func submit(_ transaction: CheckedTransaction) async throws -> TransactionReceipt {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            defer { lock.unlock() }
            guard !stopping else {
                continuation.resume(throwing: ChainError(.unavailable, "The node is shutting down; submit again after it restarts."))
                return
            }
            guard queue.count < limits.maximumQueued else {
                continuation.resume(throwing: ChainError(.unavailable, "The node has \(queue.count) transactions waiting for the log, "
                                                         + "as many as it queues; submit again shortly."))
                return
            }
            let now = ContinuousClock.now
            lastArrival = now
            queue.append((transaction, now))
            ownPrepared[transaction.id] = transaction
            waiting[transaction.id, default: []].append(continuation)
            if queue.count == 1 || queue.count == limits.maximumBatch { appenderWake?.yield() }
        }
    }

    /// Stops both loops and fails every submitter still waiting with `unavailable`.
    func stop() {
        let running: [Task<Void, Never>] = lock.withLock {
            stopping = true
            appenderWake?.finish()
            return tasks
        }
        for task in running { task.cancel() }
        // Bounded: a commit in progress finishes in milliseconds; a stuck log read is cancelled.
        _ = finished.wait(timeout: .now() + 10)
        let abandoned: [CheckedContinuation<TransactionReceipt, any Error>] = lock.withLock {
            let all = waiting.values.flatMap { $0 } + unfinal.values.flatMap { $0.receipts.map(\.0) }
            waiting = [:]
            for key in unfinal.keys { unfinal[key]?.receipts = [] }
            return all
        }
        let failure = ChainError(.unavailable, "The node stopped before the transaction's block was final; ask the chain for it, or submit again after it restarts.")
        for continuation in abandoned { continuation.resume(throwing: failure) }
    }

    /// Resumes the submitters of `id` (none when they were answered already).
    func answer(_ id: TransactionID, with result: Result<TransactionReceipt, ChainError>, finalAt height: UInt64? = nil) {
        let continuations: [CheckedContinuation<TransactionReceipt, any Error>] = lock.withLock {
            guard let found = waiting.removeValue(forKey: id) else { return [] }
            if let height, case .success(let receipt) = result, unfinal[height] != nil {
                unfinal[height]?.receipts += found.map { ($0, receipt) }
                return []
            }
            return found
        }
        for continuation in continuations { continuation.resume(with: result.mapError { $0 as any Error }) }
    }

    /// Counts an entry of this node's as cut: its block, if it made one, is in flight until
    /// final; one that made no block is done.
    func ownEntryCut(madeBlockAt height: UInt64?) {
        lock.withLock {
            if let height { ownHeights.append(height) } else { entriesInFlight = max(0, entriesInFlight - 1) }
        }
    }

    /// Releases the entries whose blocks are now final; called with `lock` held whenever the
    /// final height moves.
    func releaseFinalOwnEntries() {
        let done = ownHeights.prefix { $0 < finalCount }.count
        guard done > 0 else { return }
        ownHeights.removeFirst(done)
        entriesInFlight = max(0, entriesInFlight - done)
    }

    /// The node keys admitted in the store's current state.
    static func admittedNodes(in store: any BlockStore) throws -> Set<[UInt8]> {
        Set(try store.entries(namespace: ChainNamespace.node, prefix: []).map(\.key))
    }

    /// Whether `count` signatures are more than two thirds of `nodes`.
    static func isQuorum(_ count: Int, of nodes: Int) -> Bool { count * 3 > nodes * 2 }
}
