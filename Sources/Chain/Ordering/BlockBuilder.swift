import Primitives

/// Turns a batch of checked transactions into the next block: applies each in order against
/// state (epoch, spent set, handler) with what its stateless check prepared, keeps the
/// accepted ones, computes the roots and signs the header. Runs inside the store's write
/// transaction, so validation and commit see the same state.
struct BlockBuilder: Sendable {
    let applier: TransactionApplier
    let nodeKey: SigningKey
    let suite: ChainCryptoSuite

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
    func build(after previous: BlockHeader, candidates: [CheckedTransaction], time: UInt64, reader: any StateReader)
        throws -> (block: Block, writes: [StateWrite], outcomes: [Outcome])
    {
        let blockState = StateTransaction(base: reader)
        let height = previous.height + 1
        var accepted: [Transaction] = []
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(candidates.count)
        for candidate in candidates {
            do {
                try applier.apply(candidate.transaction, prepared: candidate.prepared, index: accepted.count, height: height, time: time,
                                  to: blockState)
                outcomes.append(.accepted(index: accepted.count))
                accepted.append(candidate.transaction)
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
            suite: suite, chainId: applier.chainId, height: height, previousHash: previous.hash,
            transactionsRoot: MerkleTree(leaves: accepted.map(\.id.bytes), hashFunction: suite.hash).root,
            stateRoot: StateCommitment.next(previous: previous.stateRoot, writes: writes, suite: suite),
            time: time, proposer: nodeKey.publicKey, transactionCount: UInt32(accepted.count))
        let block = Block(signedHeader: try SignedBlockHeader(header: header, signedBy: nodeKey), transactions: accepted)
        return (block, writes, outcomes)
    }

    static func isStorageFailure(_ error: ChainError) -> Bool {
        [.storageFailure, .corruptLedger, .diskFull].contains(error.code)
    }
}
