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

    /// Signs and publishes this node's signature for each height; a node that found a
    /// divergence signs nothing (`specs/consortium.md` §6).
    /// - Returns: the heights whose signature could not be published yet.
    func publishSignatures(_ heights: [UInt64]) async -> [UInt64] {
        let signing = lock.withLock { alert?.stoppedSigning != true }
        guard !heights.isEmpty, signing else { return signing ? heights : [] }
        var failed: [UInt64] = []
        for height in heights {
            guard let hash = lock.withLock({ unfinal[height]?.hash }) ?? (try? store.signedHeader(at: height))?.hash else { continue }
            do {
                let signature = try nodeKey.signature(for: hash)
                try await log.publish(PublishedSignature(height: height, blockHash: hash,
                                                         signature: NodeSignature(nodeKey: nodeKey.publicKey, signature: signature)))
            } catch {
                failed.append(height)
            }
        }
        return failed
    }

    /// Counts published signatures: a height whose hash a quorum signed becomes final once all
    /// below it are (its stored header then carries those signatures, and its submitters get
    /// their receipts); an admitted node's valid signature over another hash raises the alert.
    func tally(_ published: [PublishedSignature]) async throws {
        let byHeight = Dictionary(grouping: published, by: \.height)
        var quorums: [UInt64: [NodeSignature]] = [:]
        var found: DivergenceAlert?
        let pending = lock.withLock { unfinal }
        for (height, entry) in pending {
            let signatures = (byHeight[height] ?? []).filter {
                entry.nodes.contains($0.signature.nodeKey)
                    && builder.suite.signature.isValidSignature($0.signature.signature, publicKey: $0.signature.nodeKey, message: $0.blockHash)
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
        var height = lock.withLock { finalCount }
        while let signatures = quorums[height] {
            let final = height
            let result = await onCommitQueue { [store] in try store.replaceSignatures(signatures, at: final) }
            if case .failure(let error) = result { throw error }
            let receipts: [(CheckedContinuation<TransactionReceipt, any Error>, TransactionReceipt)] = lock.withLock {
                finalCount = height + 1
                return unfinal.removeValue(forKey: height)?.receipts ?? []
            }
            for (continuation, receipt) in receipts { continuation.resume(returning: receipt) }
            height += 1
            saveCursor()
        }
    }
}
