import Foundation

/// The embedded orderer (`specs/chain.md` §7): one thread batches submitted transactions into
/// blocks, closing a block at `maximumBatch` transactions, `maximumDelay` after its first, or
/// as soon as arrivals pause for `idleGap` (so a block never waits for submitters that are
/// themselves waiting for it), commits it, and only then answers the submitters.
///
/// A dedicated thread rather than a task, because committing a block blocks on SQLite and
/// fsync, which must not starve Swift's cooperative threads that verify signatures.
final class SoloOrderer: @unchecked Sendable {
    /// Batching limits.
    struct Limits: Sendable {
        var maximumBatch = 2_000
        var maximumDelayMilliseconds = 20
        var idleGapMicroseconds = 1_000
        var maximumQueued = 50_000
    }

    private struct Pending {
        let transaction: CheckedTransaction
        let continuation: CheckedContinuation<TransactionReceipt, any Error>
    }

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Pending] = []
    private var firstArrival: Date?
    private var lastArrival = Date.distantPast
    private var stopping = false
    private var head: BlockHeader
    private var statistics = OrdererStatistics()
    private let finished = DispatchSemaphore(value: 0)

    private let store: any BlockStore
    private let builder: BlockBuilder
    private let clock: any ChainClock
    private let limits: Limits

    init(store: any BlockStore, builder: BlockBuilder, clock: any ChainClock, head: BlockHeader, limits: Limits) {
        self.store = store
        self.builder = builder
        self.clock = clock
        self.head = head
        self.limits = limits
        let thread = Thread { [self] in run() }
        thread.name = "chancery.solo-orderer"
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// The latest committed header.
    var latestHeader: BlockHeader { condition.withLock { head } }

    /// The latest committed height.
    var latestHeight: UInt64 { condition.withLock { head.height } }

    /// Work done so far.
    var currentStatistics: OrdererStatistics { condition.withLock { statistics } }

    /// Queues a checked transaction and waits until it is committed or refused.
    func submit(_ transaction: CheckedTransaction) async throws -> TransactionReceipt {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            defer { condition.unlock() }
            guard !stopping else {
                continuation.resume(throwing: ChainError(.unavailable, "The node is shutting down; submit again after it restarts."))
                return
            }
            guard queue.count < limits.maximumQueued else {
                continuation.resume(throwing: ChainError(.unavailable, "The node has \(queue.count) transactions waiting for blocks, "
                                                         + "as many as it queues; submit again shortly."))
                return
            }
            let now = Date()
            lastArrival = now
            if queue.isEmpty { firstArrival = now }
            queue.append(Pending(transaction: transaction, continuation: continuation))
            // The orderer wakes by itself at its deadlines; signal only when it may be idle or
            // a batch just filled, to spare a thread wake-up per transaction.
            if queue.count == 1 || queue.count == limits.maximumBatch { condition.signal() }
        }
    }

    /// Stops after committing what is queued. Safe to call more than once.
    func stop() {
        condition.withLock {
            stopping = true
            condition.signal()
        }
        finished.wait()
        // Pass the signal on, so that a second or concurrent `stop()` returns too.
        finished.signal()
    }

    private func run() {
        var idleSince = ContinuousClock.now
        while let batch = nextBatch() {
            let idle = ContinuousClock.now - idleSince
            condition.withLock { statistics.idleSeconds += idle.secondsValue }
            commit(batch)
            idleSince = ContinuousClock.now
        }
        finished.signal()
    }

    /// Waits for a full batch or for the oldest transaction's deadline; `nil` when stopping
    /// with an empty queue.
    private func nextBatch() -> [Pending]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if stopping { return nil }
            condition.wait()
        }
        let deadline = (firstArrival ?? Date()).addingTimeInterval(Double(limits.maximumDelayMilliseconds) / 1000)
        let gap = Double(limits.idleGapMicroseconds) / 1_000_000
        while queue.count < limits.maximumBatch && !stopping {
            let wake = min(deadline, lastArrival.addingTimeInterval(gap))
            guard Date() < wake else { break }
            _ = condition.wait(until: wake)
        }
        let batch = Array(queue.prefix(limits.maximumBatch))
        queue.removeFirst(batch.count)
        // What stayed queued has been waiting already: its block closes at the next chance.
        firstArrival = queue.isEmpty ? nil : .distantPast
        return batch
    }

    private func commit(_ batch: [Pending]) {
        let previous = condition.withLock { head }
        let time = max(clock.nowMilliseconds(), previous.time)
        var outcomes: [BlockBuilder.Outcome] = []
        let started = ContinuousClock.now
        var buildTime = Duration.zero
        do {
            let block = try store.append(genesis: nil) { reader in
                let buildStart = ContinuousClock.now
                let built = try builder.build(after: previous, candidates: batch.map(\.transaction), time: time, reader: reader)
                buildTime = ContinuousClock.now - buildStart
                outcomes = built.outcomes
                return (built.block, built.writes)
            }
            let total = ContinuousClock.now - started
            condition.withLock {
                head = block.signedHeader.header
                statistics.blocks += 1
                statistics.transactions += block.transactions.count
                statistics.refused += batch.count - block.transactions.count
                statistics.buildSeconds += buildTime.secondsValue
                statistics.storeSeconds += (total - buildTime).secondsValue
                statistics.longestCommitSeconds = max(statistics.longestCommitSeconds, total.secondsValue)
            }
            for (pending, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .accepted(let index):
                    pending.continuation.resume(returning: TransactionReceipt(
                        transactionId: pending.transaction.id, height: block.height, index: index, time: time))
                case .refused(let error):
                    pending.continuation.resume(throwing: error)
                }
            }
        } catch let nothing as BlockBuilder.NothingAccepted {
            for (pending, outcome) in zip(batch, nothing.outcomes) {
                if case .refused(let error) = outcome { pending.continuation.resume(throwing: error) }
            }
        } catch {
            // A storage failure: nothing was written, so every submitter learns it failed.
            let failure = error as? ChainError ?? ChainError.storage("\(error)")
            for pending in batch { pending.continuation.resume(throwing: failure) }
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var secondsValue: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
