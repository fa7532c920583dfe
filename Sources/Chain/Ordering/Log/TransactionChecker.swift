import Primitives

/// The stateless checks of `specs/chain.md` §2.5 steps 1-4, as `ChainNode.check` runs them on a
/// submission, for a consortium node to run on every transaction another node put in the log.
struct TransactionChecker: Sendable {
    let chainId: String
    let membershipServiceKey: MembershipServiceKey
    let handlers: TransactionHandlerRegistry

    /// The refusal, or `nil` when the transaction passes.
    func refusal(of transaction: Transaction) -> ChainError? {
        if let refusal = transaction.verifySignatures(chainId: chainId, membershipServiceKey: membershipServiceKey) {
            return refusal
        }
        guard let handler = handlers.handler(for: transaction.type) else {
            return ChainError(.unknownTransactionType, "No handler is registered for transaction type '\(transaction.type)'.")
        }
        do { try handler.validateStructure(of: transaction) } catch let error as ChainError { return error } catch {
            return ChainError.invalidBody("\(error)")
        }
        return nil
    }
}
