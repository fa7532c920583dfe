/// What an upper module registers for each transaction type it defines: a stateless step that
/// parses the body and verifies what needs no state, and a stateful apply that checks the
/// prepared value against state and writes its changes (`specs/chain.md` §2.5, §2.6). The chain
/// itself knows nothing of DIDs or credentials.
///
/// The stateless step runs once per transaction, concurrently before ordering; its result
/// travels with the transaction to the block builder, so apply only reads and writes state.
public protocol TransactionHandler: Sendable {
    /// What the stateless step computes for apply: the parsed body, the recovered signer,
    /// verified proofs. A pure function of the transaction's bytes.
    associatedtype Prepared: Sendable

    /// The type this handler interprets.
    var type: TransactionType { get }

    /// Checks the body without state and keeps what apply needs (run concurrently before ordering).
    /// - Parameter transaction: a transaction of this handler's type, for this chain.
    /// - Returns: the value apply receives; the same for the same transaction bytes.
    /// - Throws: a refusal, ideally `ChainError.invalidBody`, naming what is wrong.
    func prepare(_ transaction: Transaction) throws -> Prepared

    /// Validates a prepared transaction against state and writes its effects.
    /// - Parameters:
    ///   - prepared: what ``prepare(_:)`` returned for `transaction`.
    ///   - transaction: the transaction, for its id and bytes.
    ///   - context: where and when it is applied.
    ///   - state: state as of the previous transaction; writes are kept only if this returns.
    /// - Throws: a refusal (`ChainError.unauthorized`, `.invalidBody`, ...) that leaves state unchanged.
    func apply(_ prepared: Prepared, of transaction: Transaction, context: TransactionContext, state: StateTransaction) throws
}

extension TransactionHandler {
    /// Checks the body without state, discarding what the check computed.
    /// - Throws: the refusal of ``prepare(_:)``.
    public func validateStructure(of transaction: Transaction) throws { _ = try prepare(transaction) }

    /// Prepares and applies in one step, for a transaction that arrives without a prepared value.
    /// - Throws: the refusal of ``prepare(_:)`` or of apply.
    public func apply(_ transaction: Transaction, context: TransactionContext, state: StateTransaction) throws {
        try apply(try prepare(transaction), of: transaction, context: context, state: state)
    }

    /// `prepared` when it is this handler's, otherwise the transaction prepared afresh: the
    /// value apply uses whether or not the transaction was checked at admission.
    func prepared(_ transaction: Transaction, carried prepared: (any Sendable)?) throws -> Prepared {
        if let prepared = prepared as? Prepared { return prepared }
        return try prepare(transaction)
    }
}
