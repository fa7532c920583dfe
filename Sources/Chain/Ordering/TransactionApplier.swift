/// The stateful checks of `specs/chain.md` §2.5 steps 5-7 for one transaction, shared by the
/// block builder and by `chain verify`'s replay so both apply exactly the same rules.
struct TransactionApplier: Sendable {
    let chainId: String
    let handlers: TransactionHandlerRegistry
    let schedule: EpochSchedule
    let suite: ChainCryptoSuite
    let stateVersion: Int

    init(genesis: Genesis, handlers: TransactionHandlerRegistry) {
        chainId = genesis.chainId
        self.handlers = handlers
        schedule = EpochSchedule(epochSeconds: genesis.epochSeconds)
        // Genesis was validated when the chain was made; an unknown suite cannot reach here.
        suite = (try? genesis.suite()) ?? .standard
        stateVersion = genesis.stateRules
    }

    /// Applies one transaction; its writes reach `blockState` only if every check passes.
    /// - Parameter prepared: what the handler's stateless step computed at admission; `nil`
    ///   (replay, `chain verify`) prepares it here, with the same result (`specs/chain.md` §2.6).
    /// - Throws: the refusal.
    func apply(_ transaction: Transaction, prepared: (any Sendable)? = nil, index: Int, height: UInt64, time: UInt64,
               to blockState: StateTransaction) throws {
        if let refusal = schedule.refusal(ofEpoch: transaction.epoch, atMilliseconds: time) { throw refusal }
        guard try blockState.value(namespace: ChainNamespace.spentKeys, key: transaction.oneTimeKey) == nil else {
            throw ChainError(.spentOneTimeKey, "The one-time key was already used: this transaction is a replay or reuses a key.")
        }
        guard let handler = handlers.handler(for: transaction.type) else {
            throw ChainError(.unknownTransactionType, "No handler is registered for transaction type '\(transaction.type)'.")
        }
        let transactionState = blockState.child()
        transactionState.put(namespace: ChainNamespace.spentKeys, key: transaction.oneTimeKey, value: [])
        let context = TransactionContext(chainId: chainId, height: height, time: time, index: index, suite: suite, stateVersion: stateVersion)
        try Self.apply(transaction, prepared: prepared, by: handler, context: context, state: transactionState)
        blockState.merge(transactionState)
    }

    /// Applies with the handler's own `Prepared` type opened.
    private static func apply<Handler: TransactionHandler>(_ transaction: Transaction, prepared: (any Sendable)?, by handler: Handler,
                                                           context: TransactionContext, state: StateTransaction) throws {
        try handler.apply(try handler.prepared(transaction, carried: prepared), of: transaction, context: context, state: state)
    }
}
