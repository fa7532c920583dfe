package import Chain
import Foundation
import Primitives

/// Submission of transactions that clients signed themselves (partial-custody and HSM
/// accounts: the node never holds their keys), and the state of what was submitted.
///
/// A submitter that waits gets the commit; one that does not gets its id at once and asks
/// ``state(of:)`` later. States of transactions not yet committed (pending, or refused when
/// ordered) are kept for the last ``maximumTracked`` accepted without waiting; a committed
/// transaction's state is read from the ledger, so it never expires.
package final class TransactionSubmission: @unchecked Sendable {
    /// How many uncommitted states are remembered; older refusals are forgotten first.
    package static let maximumTracked = 10_000

    private let node: ChainNode
    private let store: any BlockStore
    private let metrics: TransactionMetrics
    private let lock = NSLock()
    private var tracked: [TransactionID: TransactionState] = [:]
    private var order: [TransactionID] = []

    private let maximumStates: Int

    /// Submits to `node`, whose ledger is `store`.
    /// - Parameters:
    ///   - metrics: where submissions, refusals and commit times are recorded; by default nowhere.
    ///   - maximumStates: states of transactions accepted without waiting kept at most.
    package init(node: ChainNode, store: any BlockStore, metrics: TransactionMetrics = TransactionMetrics(),
                 maximumStates: Int = maximumTracked) {
        self.maximumStates = maximumStates
        self.node = node
        self.store = store
        self.metrics = metrics
    }

    /// Decodes, checks and orders a transaction.
    /// - Parameters:
    ///   - wire: the wire bytes (`specs/chain.md` §2.1).
    ///   - wait: whether to answer once it is committed; otherwise it is answered as accepted
    ///     once the stateless checks pass, and committed in the background.
    package func submit(wire: [UInt8], wait: Bool) async -> TransactionOutcome {
        let transaction: Transaction
        do { transaction = try Transaction(decoding: wire) } catch {
            return .malformed("The body does not hold a transaction in wire form: \(error.reason)")
        }
        let type = TransactionMetrics.label(of: transaction, handlers: node.handlers)
        metrics.submitted(type: type)
        let submitted = ContinuousClock.now
        if wait {
            do {
                let receipt = try await node.submit(transaction)
                metrics.committed(type: type, after: ContinuousClock.now - submitted)
                return .committed(try commit(of: receipt))
            } catch {
                return recorded(Self.outcome(of: error), type: type)
            }
        }
        let checked: CheckedTransaction
        do { checked = try node.check(transaction) } catch { return recorded(Self.outcome(of: error), type: type) }
        let id = transaction.id
        if (try? store.location(of: id)) != nil { return .accepted(id) }
        track(id, .pending)
        Task { [self] in
            do {
                _ = try await node.submit(checked: checked)
                metrics.committed(type: type, after: ContinuousClock.now - submitted)
                forget(id)
            } catch {
                switch recorded(Self.outcome(of: error), type: type) {
                case .refused(let code, let reason): track(id, .refused(code: code, reason: reason))
                default: forget(id)
                }
            }
        }
        return .accepted(id)
    }

    /// `outcome`, after counting it when it is a refusal.
    private func recorded(_ outcome: TransactionOutcome, type: String) -> TransactionOutcome {
        if case .refused(let code, _) = outcome { metrics.refused(type: type, code: code) }
        return outcome
    }

    /// What is known of transaction `id`, or `nil` when this node has neither committed it nor
    /// accepted it recently.
    /// - Throws: `ChainError` when the ledger cannot be read.
    package func state(of id: TransactionID) throws -> TransactionState? {
        if let location = try store.location(of: id) {
            return .committed(try commit(id: id, height: location.height, index: location.index))
        }
        return lock.withLock { tracked[id] }
    }

    private func commit(of receipt: TransactionReceipt) throws -> TransactionCommit {
        try commit(id: receipt.transactionId, height: receipt.height, index: receipt.index)
    }

    private func commit(id: TransactionID, height: UInt64, index: Int) throws -> TransactionCommit {
        guard let header = try store.signedHeader(at: height) else {
            throw ChainError(.storageFailure, "Block \(height) of a committed transaction cannot be read.")
        }
        return TransactionCommit(transactionId: id, height: height, index: index, time: header.header.time, blockHash: header.hash)
    }

    private func track(_ id: TransactionID, _ state: TransactionState) {
        lock.withLock {
            if tracked.updateValue(state, forKey: id) == nil { order.append(id) }
            // `order` also holds ids already forgotten; compact it now and then, dropping the
            // oldest states beyond the bound, so each call costs O(1) amortized.
            guard order.count > 2 * maximumStates else { return }
            order.removeAll { tracked[$0] == nil }
            for old in order.prefix(max(0, order.count - maximumStates)) { tracked[old] = nil }
            order.removeFirst(max(0, order.count - maximumStates))
        }
    }

    private func forget(_ id: TransactionID) {
        lock.withLock { tracked[id] = nil }
    }

    private static func outcome(of error: any Error) -> TransactionOutcome {
        guard let error = error as? ChainError else { return .failed("Submitting a transaction failed: \(error)") }
        if [.malformedTransaction, .oversizedTransaction].contains(error.code) { return .malformed(error.reason) }
        if error.code == .unavailable { return .unavailable(error.reason) }
        if error.code == .diskFull { return .insufficientStorage(error.reason) }
        if error.code == .storageFailure { return .unavailable("The node cannot write its ledger now: \(error.reason)") }
        guard error.isRefusal else { return .failed(error.reason) }
        return .refused(code: error.code.name, reason: error.reason)
    }
}
