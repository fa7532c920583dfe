/// What an upper module registers for each transaction type it defines: a stateless structure
/// check and a stateful apply that validates against state and writes its changes
/// (`specs/chain.md` §2.5). The chain itself knows nothing of DIDs or credentials.
public protocol TransactionHandler: Sendable {
    /// The type this handler interprets.
    var type: TransactionType { get }

    /// Checks the body without state (run concurrently before ordering).
    /// - Throws: a refusal, ideally `ChainError.invalidBody`, naming what is wrong.
    func validateStructure(of transaction: Transaction) throws

    /// Validates against state and writes the transaction's effects.
    /// - Parameters:
    ///   - transaction: the transaction, already checked by `validateStructure`.
    ///   - context: where and when it is applied.
    ///   - state: state as of the previous transaction; writes are kept only if this returns.
    /// - Throws: a refusal (`ChainError.unauthorized`, `.invalidBody`, ...) that leaves state unchanged.
    func apply(_ transaction: Transaction, context: TransactionContext, state: StateTransaction) throws
}
