/// A transaction that passed the stateless checks (`specs/chain.md` §2.5 steps 1-4), with what
/// its handler's stateless step computed, so that apply does not parse or verify it again
/// (§2.6). Only ``ChainNode/check(_:)`` makes one, so a value of this type has been checked.
public struct CheckedTransaction: Sendable {
    /// The transaction.
    public let transaction: Transaction
    /// Its handler's ``TransactionHandler/Prepared`` value, type-erased for the orderer's queue.
    let prepared: any Sendable

    init(transaction: Transaction, prepared: any Sendable) {
        self.transaction = transaction
        self.prepared = prepared
    }

    /// A transaction checked before (by this node before a restart, or the ledger's own) whose
    /// prepared value is not at hand: apply prepares it itself, with the same result.
    static func unprepared(_ transaction: Transaction) -> CheckedTransaction {
        CheckedTransaction(transaction: transaction, prepared: Unprepared())
    }

    /// Carried when nothing was prepared; no handler's `Prepared` is this type.
    private struct Unprepared: Sendable {}

    /// The transaction's id.
    public var id: TransactionID { transaction.id }
}
