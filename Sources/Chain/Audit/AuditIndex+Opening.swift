import Dispatch
import Primitives

extension AuditIndex {
    /// What one envelope told the auditor.
    enum Outcome: Sendable {
        case entry(AuditEntry)
        case anomaly(AuditAnomaly)
    }

    /// Opens a block's envelopes across all cores and adds the outcomes, and the block's
    /// recorded audit queries, to `batch` in block order.
    /// - Throws: `ChainError.invalidAuditorKey` when an epoch's key cannot be produced.
    func open(_ transactions: [Transaction], of header: BlockHeader, into batch: inout AuditIndexBatch) throws {
        guard !transactions.isEmpty else { return }
        // One key per epoch, not per transaction: deriving a key costs as much as opening.
        var epochKeys: [UInt64: X25519PrivateKey] = [:]
        for epoch in Set(transactions.map(\.epoch)) { epochKeys[epoch] = try epochKey(epoch) }
        let outcomes = ConcurrentSlots<Outcome>(count: transactions.count), keysByEpoch = epochKeys
        DispatchQueue.concurrentPerform(iterations: transactions.count) { position in
            let transaction = transactions[position]
            outcomes.set(position, Self.outcome(of: transaction, at: position, in: header, key: keysByEpoch[transaction.epoch]!))
        }
        for outcome in outcomes.values {
            switch outcome {
            case .entry(let entry): batch.entries.append(entry)
            case .anomaly(let anomaly): batch.anomalies.append(anomaly)
            }
        }
        for (position, transaction) in transactions.enumerated() where transaction.type == .auditQuery {
            // The chain accepted the body, so it parses; a body that does not is not a query.
            guard let request = try? SignedAuditRequest(body: transaction.body) else { continue }
            batch.queries.append(AuditQueryRecord(request: request, transactionId: transaction.id, height: header.height,
                                                  index: position, time: header.time))
        }
    }

    /// Opens one envelope and checks it against its transaction (`specs/chain.md` §2.4).
    static func outcome(of transaction: Transaction, at position: Int, in header: BlockHeader, key: X25519PrivateKey) -> Outcome {
        let envelope: AuditorEnvelope
        do { envelope = try AuditorEnvelope(opening: transaction.envelope, with: key) } catch {
            return .anomaly(AuditAnomaly(
                transactionId: transaction.id, height: header.height, index: position, kind: .unopenableEnvelope, claimedMember: nil,
                reason: "The auditor key of epoch \(transaction.epoch) does not open the envelope."))
        }
        guard envelope.oneTimeKey == transaction.oneTimeKey, envelope.epoch == transaction.epoch else {
            return .anomaly(AuditAnomaly(
                transactionId: transaction.id, height: header.height, index: position, kind: .envelopeMismatch,
                claimedMember: envelope.memberHandle,
                reason: "The envelope seals another one-time key or epoch than the transaction's: it was forged."))
        }
        return .entry(AuditEntry(memberHandle: envelope.memberHandle, transactionId: transaction.id, height: header.height,
                                 index: position, type: transaction.type, epoch: transaction.epoch, time: header.time))
    }

    private func epochKey(_ epoch: UInt64) throws -> X25519PrivateKey {
        do { return try keys.privateKey(epoch: epoch) } catch let error as ChainError { throw error } catch {
            throw ChainError(.invalidAuditorKey, "The auditor key of epoch \(epoch) is unavailable: \(error).")
        }
    }
}
