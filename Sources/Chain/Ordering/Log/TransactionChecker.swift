import Primitives

/// The stateless checks of `specs/chain.md` §2.5 steps 1-4 and the handler's stateless step
/// (§2.6): what ``ChainNode/check(_:)`` runs on a submission, and what a consortium node runs on
/// every transaction another node put in the log.
struct TransactionChecker: Sendable {
    let chainId: String
    let membershipServiceKey: MembershipServiceKey
    let handlers: TransactionHandlerRegistry

    /// The transaction with its handler's prepared value.
    /// - Throws: the refusal, a `ChainError`.
    func checked(_ transaction: Transaction) throws(ChainError) -> CheckedTransaction {
        if let refusal = transaction.verifySignatures(chainId: chainId, membershipServiceKey: membershipServiceKey) {
            throw refusal
        }
        guard let handler = handlers.handler(for: transaction.type) else {
            throw ChainError(.unknownTransactionType, "No handler is registered for transaction type '\(transaction.type)'.")
        }
        do {
            return CheckedTransaction(transaction: transaction, prepared: try handler.prepare(transaction))
        } catch let error as ChainError { throw error } catch {
            throw ChainError.invalidBody("\(error)")
        }
    }
}
