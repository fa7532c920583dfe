import Primitives

/// Turns a batch of signature-checked transactions into the next block: applies each in order
/// against state (epoch, spent set, handler), keeps the accepted ones, computes the roots and
/// signs the header. Runs inside the store's write transaction, so validation and commit see
/// the same state.
struct BlockBuilder: Sendable {
    let chainId: String
    let handlers: TransactionHandlerRegistry
    let schedule: EpochSchedule
    let nodeKey: Secp256k1PrivateKey

    /// What happened to one candidate.
    enum Outcome: Sendable {
        case accepted(index: Int)
        case refused(ChainError)
    }

    /// Thrown when no candidate was accepted, so no block is written.
    struct NothingAccepted: Error {
        let outcomes: [Outcome]
    }

    /// Builds the block after `previous` from `candidates`.
    /// - Throws: `NothingAccepted` when every candidate is refused; a storage `ChainError` when
    ///   state cannot be read (then nothing is written and every candidate fails).
    func build(after previous: BlockHeader, candidates: [Transaction], time: UInt64, reader: any StateReader)
        throws -> (block: Block, writes: [StateWrite], outcomes: [Outcome])
    {
        let blockState = StateTransaction(base: reader)
        let height = previous.height + 1
        var accepted: [Transaction] = []
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(candidates.count)
        for transaction in candidates {
            do {
                try apply(transaction, index: accepted.count, height: height, time: time, to: blockState)
                outcomes.append(.accepted(index: accepted.count))
                accepted.append(transaction)
            } catch let error as ChainError where Self.isStorageFailure(error) {
                throw error
            } catch let error as ChainError {
                outcomes.append(.refused(error))
            } catch {
                outcomes.append(.refused(ChainError.invalidBody("\(error)")))
            }
        }
        guard !accepted.isEmpty else { throw NothingAccepted(outcomes: outcomes) }
        let writes = blockState.writes
        let header = BlockHeader(
            chainId: chainId, height: height, previousHash: previous.hash,
            transactionsRoot: MerkleTree(leaves: accepted.map(\.id.bytes)).root,
            stateRoot: StateCommitment.next(previous: previous.stateRoot, writes: writes),
            time: time, proposer: nodeKey.publicKey.xOnly.rawRepresentation, transactionCount: UInt32(accepted.count))
        let block = Block(signedHeader: try SignedBlockHeader(header: header, signedBy: nodeKey), transactions: accepted)
        return (block, writes, outcomes)
    }

    /// The stateful checks of `specs/chain.md` §2.5 steps 5-7 for one transaction; its writes
    /// reach `blockState` only if every check passes.
    func apply(_ transaction: Transaction, index: Int, height: UInt64, time: UInt64, to blockState: StateTransaction) throws {
        if let refusal = schedule.refusal(ofEpoch: transaction.epoch, atMilliseconds: time) { throw refusal }
        guard try blockState.value(namespace: ChainNamespace.spentKeys, key: transaction.oneTimeKey) == nil else {
            throw ChainError(.spentOneTimeKey, "The one-time key was already used: this transaction is a replay or reuses a key.")
        }
        guard let handler = handlers.handler(for: transaction.type) else {
            throw ChainError(.unknownTransactionType, "No handler is registered for transaction type '\(transaction.type)'.")
        }
        let transactionState = blockState.child()
        transactionState.put(namespace: ChainNamespace.spentKeys, key: transaction.oneTimeKey, value: [])
        let context = TransactionContext(chainId: chainId, height: height, time: time, index: index)
        try handler.apply(transaction, context: context, state: transactionState)
        blockState.merge(transactionState)
    }

    static func isStorageFailure(_ error: ChainError) -> Bool {
        [.storageFailure, .corruptLedger, .diskFull].contains(error.code)
    }
}
