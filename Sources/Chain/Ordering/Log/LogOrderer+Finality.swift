import Foundation
import Primitives

extension LogOrderer {
    /// Finds the final height of a ledger being opened: the one recorded in the cursor file, or
    /// above it the highest block whose stored signatures are a quorum (every block under a
    /// final one is final); the blocks above it wait for signatures, counted over the nodes
    /// admitted now (the node sets of their parents are not kept).
    func recoverFinality(recorded: UInt64) throws {
        var height = head.height
        while true {
            if height + 1 <= recorded {
                finalCount = recorded
                return
            }
            guard let signed = try store.signedHeader(at: height) else { break }
            if signed.isSigned(byQuorumOf: admitted) {
                finalCount = height + 1
                return
            }
            unfinal[height] = Unfinal(hash: signed.hash, nodes: admitted)
            if height == 0 { break }
            height -= 1
        }
    }

    /// Signs and publishes this node's signature for each height, all in one write to the log;
    /// a node that found a divergence signs nothing (`specs/consortium.md` §6).
    /// - Returns: the heights whose signature could not be published yet.
    func publishSignatures(_ heights: [UInt64]) async -> [UInt64] {
        let signing = lock.withLock { alert?.stoppedSigning != true }
        guard !heights.isEmpty, signing else { return signing ? heights : [] }
        var signatures: [PublishedSignature] = []
        var failed: [UInt64] = []
        for height in heights {
            guard let hash = lock.withLock({ unfinal[height]?.hash }) ?? (try? store.signedHeader(at: height))?.hash else { continue }
            guard let signature = try? nodeKey.signature(for: hash) else {
                failed.append(height)
                continue
            }
            signatures.append(PublishedSignature(height: height, blockHash: hash,
                                                 signature: NodeSignature(nodeKey: nodeKey.publicKey, signature: signature)))
        }
        do {
            try await log.publish(signatures)
        } catch {
            failed += signatures.map(\.height)
        }
        return failed.sorted()
    }

    /// Counts published signatures: a height whose hash a quorum signed becomes final once all
    /// below it are (its stored header then carries those signatures, and its submitters get
    /// their receipts); an admitted node's valid signature over another hash raises the alert.
    func tally(_ published: [PublishedSignature]) async throws {
        let byHeight = Dictionary(grouping: published, by: \.height)
        var quorums: [UInt64: [NodeSignature]] = [:]
        var found: DivergenceAlert?
        let pending = lock.withLock { unfinal }
        // A signature is checked once: a node behind its peers reads the same ones every round.
        var known = lock.withLock { checkedSignatures }
        for (height, entry) in pending {
            let signatures = (byHeight[height] ?? []).filter {
                guard entry.nodes.contains($0.signature.nodeKey) else { return false }
                if known.contains($0) { return true }
                guard builder.suite.signature.isValidSignature($0.signature.signature, publicKey: $0.signature.nodeKey, message: $0.blockHash) else {
                    return false
                }
                known.insert($0)
                return true
            }
            let agreeing = signatures.filter { $0.blockHash == entry.hash }.map(\.signature)
            let differing = signatures.filter { $0.blockHash != entry.hash }
            if !differing.isEmpty, found == nil || height < found!.height {
                // This node's hash counts itself; the most-signed other hash decides who is odd.
                let mine = Set(agreeing.map(\.nodeKey) + [nodeKey.publicKey]).count
                let largestOther = Dictionary(grouping: differing, by: \.blockHash).values.map(\.count).max() ?? 0
                found = DivergenceAlert(node: Hex.encode(nodeKey.publicKey), height: height, blockHash: Hex.encode(entry.hash),
                                        disagreeing: differing.map { .init(node: Hex.encode($0.signature.nodeKey), blockHash: Hex.encode($0.blockHash)) },
                                        stoppedSigning: largestOther >= mine)
            }
            if Self.isQuorum(agreeing.count, of: entry.nodes.count) { quorums[height] = agreeing }
        }
        if let found {
            let isNew = lock.withLock { () -> Bool in
                // A later finding that stops signing replaces one that did not.
                guard alert == nil || (found.stoppedSigning && alert?.stoppedSigning == false) else { return false }
                alert = found
                return true
            }
            if isNew { setting.onDivergence(found) }
        }
        // The blocks that became final together get their signatures in one commit.
        var height = lock.withLock { finalCount }
        var finalized: [(height: UInt64, signatures: [NodeSignature])] = []
        while let signatures = quorums[height] {
            finalized.append((height, signatures))
            height += 1
        }
        lock.withLock { checkedSignatures = known.filter { $0.height >= height } }
        guard !finalized.isEmpty else { return }
        let result = await onCommitQueue { [store, finalized] in try store.replaceSignatures(finalized) }
        if case .failure(let error) = result { throw error }
        let receipts: [(CheckedContinuation<TransactionReceipt, any Error>, TransactionReceipt)] = lock.withLock {
            finalCount = height
            releaseFinalOwnEntries()
            return finalized.flatMap { unfinal.removeValue(forKey: $0.height)?.receipts ?? [] }
        }
        for (continuation, receipt) in receipts { continuation.resume(returning: receipt) }
        saveCursor()
    }
}
