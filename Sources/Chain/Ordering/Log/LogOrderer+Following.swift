import Foundation
import Primitives

extension LogOrderer {
    /// Reads the log in order from the cursor, cuts and commits one block per entry, publishes
    /// this node's signature on each, and counts the published signatures towards finality;
    /// when the log has nothing new it waits for a change. A failed read or commit is retried
    /// from the same entry, so no entry is skipped.
    func followLoop() async {
        var next = lock.withLock { cursor }
        // Block 0 is never cut from the log: every node publishes its signature on it at start,
        // so that nodes joining later can count it final (`specs/consortium.md` §4).
        var unsigned = Array(Set(lock.withLock { unfinal.keys }).union([0])).sorted()
        var rounds = 0
        var lastProblem = ""
        while !Task.isCancelled {
            do {
                unsigned = await publishSignatures(unsigned)
                let lowest = lock.withLock { finalCount }
                let snapshot = try await log.read(entriesFrom: next, limit: 32, signaturesFrom: lowest)
                rounds += 1
                // A gap, a quiet log, and now and then under load: was the log compacted past
                // this node's next entry, or past signatures it still needs (§3.3)?
                let gap = snapshot.entries.first.map { $0.sequence != next } ?? false
                if gap || snapshot.entries.isEmpty || rounds % 64 == 0, let marker = try await log.compaction() {
                    lock.withLock { if (compacted?.sequence ?? 0) < marker.sequence { compacted = marker } }
                    if next < marker.sequence || lock.withLock({ finalCount }) <= marker.height {
                        try await catchUp(to: marker)
                        next = lock.withLock { cursor }
                        let final = lock.withLock { finalCount }
                        unsigned.removeAll { $0 < final }
                        continue
                    }
                }
                if gap {
                    throw ChainError(.unavailable, "The log holds no entry \(next) and no compaction marker past it; this node waits for it.")
                }
                for (sequence, bytes) in snapshot.entries {
                    if Task.isCancelled { return }
                    if let height = try await cut(bytes) {
                        unsigned.append(height)
                        if setting.retention != nil { lock.withLock { madeBlocks.append((sequence, height, head.hash)) } }
                    }
                    next = sequence + 1
                    saveCursor(next)
                }
                unsigned = await publishSignatures(unsigned)
                try await tally(snapshot.signatures)
                try await compactIfDue()
                if snapshot.entries.isEmpty { try await log.waitForChange(after: snapshot.version, timeout: .seconds(1)) }
                lastProblem = ""
            } catch {
                if Task.isCancelled { return }
                let problem = (error as? ChainError)?.reason ?? "\(error)"
                if problem != lastProblem, error is ChainError { setting.onNotice(problem) }
                lastProblem = problem
                // Waiting for peers or for a missing entry is slower to change than a failed read.
                let waiting = (error as? ChainError).map { [.unavailable, .corruptLedger].contains($0.code) } ?? false
                try? await Task.sleep(for: waiting ? .seconds(1) : .milliseconds(100))
            }
        }
    }

    /// Cuts, applies and stores the block of one entry (`specs/consortium.md` §4).
    /// - Returns: the new height, or `nil` when the entry makes no block.
    /// - Throws: a storage failure (the entry is tried again).
    func cut(_ bytes: [UInt8]) async throws -> UInt64? {
        // A malformed entry is refused whole, by every node alike.
        guard let entry = try? LogEntry(decoding: bytes) else { return nil }
        let (previous, nodes) = lock.withLock { (head, admitted) }
        var decoded: [Transaction] = []
        for wire in entry.transactions { if let transaction = try? Transaction(decoding: wire) { decoded.append(transaction) } }
        guard nodes.contains(entry.node) else {
            // Every node refuses the entry alike (§4); this node's own submitters learn why.
            let refusal = entry.node == nodeKey.publicKey
                ? ChainError(.unauthorized, "This node (\(Hex.encode(entry.node))) is not admitted to the consortium: every node refuses "
                             + "its log entries. Submit through an admitted node, or have the committee admit this one "
                             + "('didctl node admit \(Hex.encode(entry.node))').")
                : ChainError(.unauthorized, "The log entry's node is not an admitted node; its transactions are refused.")
            lock.withLock { for transaction in decoded { ownPrepared[transaction.id] = nil } }
            for transaction in decoded { answer(transaction.id, with: .failure(refusal)) }
            if entry.node == nodeKey.publicKey { ownEntryCut(madeBlockAt: nil) }
            return nil
        }
        let candidates: [CheckedTransaction]
        if entry.node != nodeKey.publicKey {
            // Others' entries are not trusted: checked here, in parallel.
            candidates = statelessChecked(decoded)
        } else {
            // This node's own were checked when submitted, and carry what their handlers
            // prepared then; read again after a restart, apply prepares them itself.
            candidates = lock.withLock { decoded.map { ownPrepared.removeValue(forKey: $0.id) ?? .unprepared($0) } }
        }
        let time = max(previous.time, entry.time)
        let started = ContinuousClock.now
        let checked = candidates
        let result: Result<(Block, [BlockBuilder.Outcome]), any Error> = await onCommitQueue { [builder, store, nodeKey] in
            var outcomes: [BlockBuilder.Outcome] = []
            let block = try store.append(genesis: nil) { reader in
                let built = try builder.build(after: previous, candidates: checked, time: time, reader: reader)
                outcomes = built.outcomes
                let h = built.block.signedHeader.header
                // The proposer is the entry's node, whoever cuts the block, so every node
                // computes the same header.
                let header = BlockHeader(suite: h.suite, chainId: h.chainId, height: h.height, previousHash: h.previousHash,
                                         transactionsRoot: h.transactionsRoot, stateRoot: h.stateRoot, time: h.time,
                                         proposer: entry.node, transactionCount: h.transactionCount)
                return (Block(signedHeader: try SignedBlockHeader(header: header, signedBy: nodeKey), transactions: built.block.transactions),
                        built.writes)
            }
            return (block, outcomes)
        }
        switch result {
        case .failure(let nothing as BlockBuilder.NothingAccepted):
            for (transaction, outcome) in zip(candidates, nothing.outcomes) {
                if case .refused(let error) = outcome { answer(transaction.id, with: .failure(error)) }
            }
            if entry.node == nodeKey.publicKey { ownEntryCut(madeBlockAt: nil) }
            return nil
        case .failure(let error):
            throw error
        case .success(let (block, outcomes)):
            let header = block.signedHeader.header
            let nowAdmitted = try Self.admittedNodes(in: store)
            let elapsed = ContinuousClock.now - started
            lock.withLock {
                head = header
                unfinal[header.height] = Unfinal(hash: block.signedHeader.hash, nodes: nodes)
                admitted = nowAdmitted
                statistics.blocks += 1
                statistics.transactions += block.transactions.count
                statistics.refused += candidates.count - block.transactions.count
                statistics.buildSeconds += elapsed.secondsValue
                statistics.longestCommitSeconds = max(statistics.longestCommitSeconds, elapsed.secondsValue)
            }
            for (transaction, outcome) in zip(candidates, outcomes) {
                switch outcome {
                case .accepted(let index):
                    answer(transaction.id, with: .success(TransactionReceipt(transactionId: transaction.id, height: header.height,
                                                                             index: index, time: header.time)),
                           finalAt: header.height)
                case .refused(let error):
                    answer(transaction.id, with: .failure(error))
                }
            }
            if entry.node == nodeKey.publicKey { ownEntryCut(madeBlockAt: header.height) }
            return header.height
        }
    }

    /// The candidates that pass the stateless checks, checked, in order; spread over every core.
    /// The others' submitters (on this node, if any) are answered with their refusal.
    private func statelessChecked(_ candidates: [Transaction]) -> [CheckedTransaction] {
        let results = UnsafeMutableBufferPointer<Result<CheckedTransaction, ChainError>?>.allocate(capacity: candidates.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each iteration writes its own slot only.
        nonisolated(unsafe) let base = results.baseAddress!
        DispatchQueue.concurrentPerform(iterations: candidates.count) { index in
            base[index] = check(candidates[index])
        }
        var kept: [CheckedTransaction] = []
        for (index, transaction) in candidates.enumerated() {
            switch results[index] {
            case .success(let checked)?: kept.append(checked)
            case .failure(let refusal)?: answer(transaction.id, with: .failure(refusal))
            case nil: break
            }
        }
        return kept
    }

    /// Runs blocking store work on the commit queue, off Swift's cooperative threads.
    func onCommitQueue<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async -> Result<T, any Error> {
        await withCheckedContinuation { continuation in
            commitQueue.async { continuation.resume(returning: Result { try work() }) }
        }
    }

    // MARK: - Cursor

    /// The cursor file's `<next sequence> <final height + 1>`; zeros when there is none.
    func loadCursor() -> (next: UInt64, finalCount: UInt64) {
        guard let url = setting.cursorFile, let text = try? String(contentsOf: url, encoding: .utf8) else { return (0, 0) }
        let numbers = text.split(separator: " ").compactMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return (numbers.first ?? 0, numbers.count > 1 ? numbers[1] : 0)
    }

    /// Not synced: after a crash the cursor may lag, and entries read again make no block
    /// (their transactions are refused as replays of what the ledger holds); a lagging final
    /// height is found again from the published signatures.
    func saveCursor(_ next: UInt64? = nil) {
        guard let url = setting.cursorFile else { return }
        let (next, final) = lock.withLock { () -> (UInt64, UInt64) in
            if let next { cursor = next }
            return (cursor, finalCount)
        }
        try? Data("\(next) \(final)".utf8).write(to: url, options: .atomic)
    }
}
