import Foundation
import Primitives

extension LogOrderer {
    /// Takes the blocks up to `marker.height` from peers, because the log no longer holds the
    /// entries (or signatures) this node needs (`specs/consortium.md` §3.3): from its first block
    /// not final here, each peer block is checked (``PeerBlockCheck``) and replayed before it is
    /// stored with the peer's quorum signatures; a block this node holds already must have the
    /// same hash, and only its signatures are taken. A peer whose block is refused is named and
    /// the next peer is asked. Then the node reads the log from `marker.sequence`.
    /// - Throws: `ChainError.unavailable` when no peer serves verifiable blocks (the caller
    ///   retries), `.corruptLedger` when the peers' block at the marker's height is not the
    ///   marker's; storage failures.
    func catchUp(to marker: LogCompaction) async throws {
        let peers = setting.peers
        var height = lock.withLock { finalCount }
        guard !peers.isEmpty else {
            throw ChainError(.unavailable, "The log was compacted past what this node needs (blocks \(height) to \(marker.height)); "
                             + "start it with --peers naming other nodes to take those blocks from.")
        }
        setting.onNotice("The log was compacted past this node: taking blocks \(height) to \(marker.height) from peers.")
        var refusals: [String] = []
        while height <= marker.height {
            var progressed = false
            for peer in peers {
                let wanted = Int(min(UInt64(ChainNode.maximumServedBlocks), marker.height - height + 1))
                let blocks: [Block]
                do { blocks = try await peer.blocks(from: height, count: wanted) } catch {
                    refusals.append("\(peer.sourceName): \((error as? ChainError)?.reason ?? "\(error)")")
                    continue
                }
                for block in blocks where height <= marker.height {
                    if let reason = try await accept(block, at: height) {
                        let refusal = "\(peer.sourceName) served block \(height), refused: \(reason)"
                        setting.onNotice(refusal)
                        refusals.append(refusal)
                        break
                    }
                    height += 1
                    progressed = true
                }
                // From the first peer again, at the new height.
                if progressed { break }
            }
            guard progressed else {
                throw ChainError(.unavailable, "No peer served verifiable blocks from height \(height): \(refusals.suffix(3).joined(separator: "; ")).")
            }
        }
        guard let signed = try store.signedHeader(at: marker.height), signed.hash == marker.blockHash else {
            throw ChainError(.corruptLedger, "The peers' quorum-signed block \(marker.height) is not the one the log's compaction marker "
                             + "names (\(Hex.encode(marker.blockHash))); compare ledgers with 'didctl chain verify'.")
        }
        lock.withLock { cursor = max(cursor, marker.sequence) }
        saveCursor()
        setting.onNotice("Caught up from peers to block \(marker.height); reading the log from entry \(marker.sequence).")
    }

    /// Checks one peer block and stores it (or, for a height held already, its signatures).
    /// - Returns: why the block is refused, or `nil` once it is stored and final here.
    /// - Throws: a storage failure of this node.
    private func accept(_ block: Block, at height: UInt64) async throws -> String? {
        guard block.height == height else { return "it is block \(block.height), not \(height)" }
        let (current, nodes, pending) = lock.withLock { (head, admitted, unfinal[height]?.nodes) }
        if height <= current.height {
            // Applied here already: the same header, with a quorum's signatures.
            guard let mine = try store.signedHeader(at: height) else { throw ChainError.storage("Block \(height) is missing from the ledger.") }
            guard block.signedHeader.hash == mine.hash else { return "its hash is not that of this node's block \(height)" }
            if let reason = peerCheck.refusal(ofHeader: block, nodes: pending ?? nodes) { return reason }
            let signatures = block.signedHeader.signatures
            if case .failure(let error) = await onCommitQueue({ [store] in try store.replaceSignatures(signatures, at: height) }) { throw error }
            markFinal(height, transactions: [])
            return nil
        }
        if let reason = peerCheck.refusal(of: block, after: current, nodes: nodes) { return reason }
        var checked: [CheckedTransaction] = []
        for transaction in block.transactions {
            switch check(transaction) {
            case .success(let passed): checked.append(passed)
            case .failure(let refusal): return "transaction \(transaction.id): \(refusal.reason)"
            }
        }
        let served = block.signedHeader
        let candidates = checked
        let result: Result<Block, any Error> = await onCommitQueue { [builder, store] in
            try store.append(genesis: nil) { reader in
                let built = try builder.build(after: current, candidates: candidates, time: served.header.time, reader: reader)
                let h = built.block.signedHeader.header
                let replayed = BlockHeader(suite: h.suite, chainId: h.chainId, height: h.height, previousHash: h.previousHash,
                                           transactionsRoot: h.transactionsRoot, stateRoot: h.stateRoot, time: h.time,
                                           proposer: served.header.proposer, transactionCount: h.transactionCount)
                guard replayed == served.header else { throw ReplayMismatch() }
                return (Block(signedHeader: served, transactions: built.block.transactions), built.writes)
            }
        }
        switch result {
        case .failure(let error) where error is ReplayMismatch || error is BlockBuilder.NothingAccepted:
            return "replaying its transactions gives another block (a transaction is refused, or another state commitment)"
        case .failure(let error):
            throw error
        case .success(let stored):
            let nowAdmitted = try Self.admittedNodes(in: store)
            lock.withLock {
                head = stored.signedHeader.header
                admitted = nowAdmitted
                statistics.blocks += 1
                statistics.transactions += stored.transactions.count
            }
            markFinal(height, transactions: stored.transactions)
            return nil
        }
    }

    /// Records `height` as final (every block below it is), answers who waited for it, and
    /// answers this node's own submitters of `transactions` whose entry it never read.
    private func markFinal(_ height: UInt64, transactions: [Transaction]) {
        let receipts = lock.withLock { () -> [(CheckedContinuation<TransactionReceipt, any Error>, TransactionReceipt)] in
            finalCount = max(finalCount, height + 1)
            releaseFinalOwnEntries()
            for transaction in transactions { ownPrepared[transaction.id] = nil }
            return unfinal.removeValue(forKey: height)?.receipts ?? []
        }
        for (continuation, receipt) in receipts { continuation.resume(returning: receipt) }
        let time = lock.withLock { head.time }
        for (index, transaction) in transactions.enumerated() {
            answer(transaction.id, with: .success(TransactionReceipt(transactionId: transaction.id, height: height, index: index, time: time)))
        }
    }
}

/// A peer's block whose replay here gives another header.
private struct ReplayMismatch: Error {}
