import Foundation
import Primitives

extension LogOrderer {
    /// Waits for submissions, batches them as the solo orderer does (a batch closes when full,
    /// 20 ms after its first transaction, or after a 1 ms pause, and not while this node has
    /// ``LogOrdering/maximumEntriesInFlight`` entries whose blocks are not final), and appends each batch as
    /// one entry; a batch the log refuses fails its submitters, who may submit again.
    func appendLoop(_ wakes: AsyncStream<Void>) async {
        for await _ in wakes {
            while let batch = await nextBatch() {
                let entry = LogEntry(node: nodeKey.publicKey, time: clock.nowMilliseconds(), transactions: batch.map(\.transaction.encoded))
                do {
                    _ = try await log.append(entry.encoded)
                } catch {
                    lock.withLock { entriesInFlight = max(0, entriesInFlight - 1) }
                    let failure = ChainError(.unavailable, "The ordering log did not take the transaction (\(error)); submit again shortly.")
                    lock.withLock { for transaction in batch { ownPrepared[transaction.id] = nil } }
                    for transaction in batch { answer(transaction.id, with: .failure(failure)) }
                }
            }
        }
    }

    /// The next batch once it should close; `nil` when the queue is empty.
    private func nextBatch() async -> [CheckedTransaction]? {
        while true {
            let (count, first, last, stopping, inFlight) = lock.withLock {
                (queue.count, queue.first?.firstArrival, lastArrival, self.stopping, entriesInFlight)
            }
            guard count > 0, let first, !stopping else { return nil }
            // Back-pressure (§3.1): while this node's earlier entries are not final, the batch
            // keeps filling; so the busier the consortium, the larger its entries and blocks.
            if inFlight >= setting.maximumEntriesInFlight, ContinuousClock.now < first + setting.inFlightWait {
                try? await Task.sleep(for: .milliseconds(1))
                continue
            }
            let deadline = min(first + .milliseconds(limits.maximumDelayMilliseconds), last + .microseconds(limits.idleGapMicroseconds))
            if count >= limits.maximumBatch || ContinuousClock.now >= deadline { break }
            try? await Task.sleep(until: deadline, clock: .continuous)
        }
        return lock.withLock {
            // A batch stays under the entry's byte limit: base64url grows wire bytes by a third.
            var size = 0, taken = 0
            for item in queue.prefix(limits.maximumBatch) {
                size += item.transaction.transaction.encoded.count * 4 / 3 + 3
                if size > LogEntry.maximumBytes - 4_096 && taken > 0 { break }
                taken += 1
            }
            let batch = queue.prefix(taken).map(\.transaction)
            queue.removeFirst(taken)
            entriesInFlight += 1
            return batch
        }
    }
}
