import Dispatch
import Primitives

/// Re-checks a whole ledger (`didctl chain verify`): every header hash and link, node
/// signature, Merkle root, transaction signature, and the state commitment by replaying every
/// transaction into fresh state; then compares the replayed state with the stored tables, so
/// a hand-edited row anywhere is found. Reports the first bad block and why.
public struct ChainVerifier: Sendable {
    private let store: any BlockStore
    private let handlers: TransactionHandlerRegistry

    /// Creates a verifier.
    /// - Parameters:
    ///   - store: the ledger to check.
    ///   - handlers: every transaction type the ledger may hold (replay needs them all).
    public init(store: any BlockStore, handlers: TransactionHandlerRegistry) {
        self.store = store
        self.handlers = handlers
    }

    /// Verifies the ledger.
    /// - Parameter progress: called with (verified height, head height) after each block.
    /// - Returns: the report; a damaged ledger is a report, not an error.
    /// - Throws: only when the store cannot be read at all.
    public func verify(progress: (UInt64, UInt64) -> Void = { _, _ in }) throws -> ChainVerificationReport {
        var report = ChainVerificationReport(verifiedBlocks: 0, verifiedTransactions: 0)
        guard let (genesis, head) = try genesisAndHead(reporting: &report) else { return report }
        let replay = ReplayState()
        let applier = TransactionApplier(genesis: genesis, handlers: handlers)
        var previous: BlockHeader?
        for height in 0...head.header.height {
            do {
                let header = try verifyBlock(at: height, after: previous, genesis: genesis, applier: applier, replay: replay,
                                             count: &report.verifiedTransactions)
                previous = header
                report.verifiedBlocks += 1
                progress(height, head.header.height)
            } catch {
                report.firstBadBlock = height
                report.problem = "Block \(height): \((error as? ChainError)?.reason ?? "\(error)")"
                return report
            }
        }
        if let difference = try replay.firstDifference(from: store) {
            report.problem = "World state does not match the ledger: \(difference)"
        }
        return report
    }

    /// Checks the newest blocks without replaying state, as a node does before it serves: the
    /// head and up to `count` blocks under it link by hash, carry their heights and chain id,
    /// are signed by a node of genesis or of current state, hold the transactions their Merkle
    /// roots commit to, and never go back in time; and block 0 commits to the stored genesis
    /// document. Cheap at any ledger size; `verify` checks everything, state included.
    /// - Parameters:
    ///   - count: how many blocks below the head to check (the head always is).
    ///   - ownNode: the key of the node that keeps this ledger, whose signature is accepted too: a
    ///     consortium node stores the blocks it applied with its own signature until they are
    ///     final, also before it is admitted (`specs/consortium.md` §5, §7).
    /// - Returns: the report; a damaged block is a report naming it, not an error.
    /// - Throws: only when the store cannot be read at all.
    public func verifyRecent(_ count: UInt64, ownNode: [UInt8]? = nil) throws -> ChainVerificationReport {
        var report = ChainVerificationReport(verifiedBlocks: 0, verifiedTransactions: 0)
        guard let (genesis, head) = try genesisAndHead(reporting: &report) else { return report }
        let nodes = Set(genesis.nodes.compactMap { try? Hex.decode($0) })
            .union(try store.entries(namespace: ChainNamespace.node, prefix: []).map(\.key))
        let suite = try genesis.suite()
        let lowest = head.header.height > count ? head.header.height - count : 0
        var above: BlockHeader?
        for height in stride(from: head.header.height, through: lowest, by: -1) {
            do {
                guard let signed = try store.signedHeader(at: height) else { throw bad("the block is missing") }
                let header = signed.header
                guard header.height == height, header.chainId == genesis.chainId else { throw bad("its height or chain id is wrong") }
                try requireSuite(suite, of: header, transactions: [])
                // A consortium block not yet final carries only the signature of the node that
                // applied it (`specs/consortium.md` §5): any node of the chain's is enough here.
                guard nodes.contains(header.proposer), nodes.union(ownNode.map { [$0] } ?? []).contains(where: { signed.isSigned(by: $0) }) else {
                    throw bad("its proposer is not a node of this chain or no node of the chain signed its header")
                }
                let transactions = try store.transactions(at: height)
                try requireSuite(suite, of: header, transactions: transactions)
                guard transactions.count == Int(header.transactionCount),
                      MerkleTree(leaves: transactions.map(\.id.bytes), hashFunction: suite.hash).root == header.transactionsRoot else {
                    throw bad("its transactions do not match the header's count and Merkle root")
                }
                if let above {
                    guard above.previousHash == header.hash else { throw bad("block \(height + 1) does not link to its hash") }
                    guard above.time >= header.time else { throw bad("block \(height + 1)'s time is earlier than its") }
                }
                above = header
                report.verifiedBlocks += 1
                report.verifiedTransactions += transactions.count
            } catch {
                report.firstBadBlock = height
                report.problem = "Block \(height): \((error as? ChainError)?.reason ?? "\(error)")"
                return report
            }
        }
        // The stored genesis document is what block 0 commits to, however far below it lies.
        guard let zero = try store.signedHeader(at: 0), zero.header.previousHash == (try genesis.hash()) else {
            report.firstBadBlock = 0
            report.problem = "Block 0: it does not commit to the stored genesis document"
            return report
        }
        return report
    }

    /// The stored genesis and head, or `nil` with the report's problem set when either is
    /// missing or unreadable.
    private func genesisAndHead(reporting report: inout ChainVerificationReport) throws -> (Genesis, SignedBlockHeader)? {
        let genesis: Genesis?, head: SignedBlockHeader?
        do {
            genesis = try store.genesis()
            head = try store.head()
        } catch let error as ChainError where error.code == .corruptLedger {
            report.problem = "The ledger's genesis or head block cannot be read: \(error.reason)"
            return nil
        }
        guard let genesis, let head else {
            report.problem = "The store holds no chain."
            return nil
        }
        return (genesis, head)
    }

    private func verifyBlock(at height: UInt64, after previous: BlockHeader?, genesis: Genesis, applier: TransactionApplier,
                             replay: ReplayState, count: inout Int) throws -> BlockHeader {
        guard let signed = try store.signedHeader(at: height) else { throw bad("the block is missing") }
        let header = signed.header
        guard header.height == height, header.chainId == genesis.chainId else { throw bad("its height or chain id is wrong") }
        let suite = try genesis.suite()
        try requireSuite(suite, of: header, transactions: [])
        // Genesis is signed by a node it names; later blocks by a node admitted before them.
        let nodes = previous == nil ? Set(genesis.nodes.compactMap { try? Hex.decode($0) }) : replay.nodeKeys()
        // Signed by its proposer (a solo chain), or by more than two thirds of the admitted
        // nodes (a consortium, `specs/consortium.md` §5).
        guard nodes.contains(header.proposer), signed.isSigned(by: header.proposer) || signed.isSigned(byQuorumOf: nodes) else {
            throw bad("its proposer is not an admitted node, or neither it nor more than two thirds of the admitted nodes signed its header")
        }
        let transactions = try store.transactions(at: height)
        try requireSuite(suite, of: header, transactions: transactions)
        guard transactions.count == Int(header.transactionCount) else {
            throw bad("it holds \(transactions.count) transactions but its header says \(header.transactionCount)")
        }
        guard MerkleTree(leaves: transactions.map(\.id.bytes), hashFunction: suite.hash).root == header.transactionsRoot else {
            throw bad("its transactions do not match the header's Merkle root")
        }
        let state = StateTransaction(base: replay)
        if let previous {
            guard header.previousHash == previous.hash else { throw bad("it does not link to block \(height - 1)'s hash") }
            guard header.time >= previous.time else { throw bad("its time is earlier than the previous block's") }
            try verifySignatures(transactions, genesis: genesis)
            for (index, transaction) in transactions.enumerated() {
                do { try applier.apply(transaction, index: index, height: height, time: header.time, to: state) } catch {
                    throw bad("transaction \(transaction.id) does not replay: \((error as? ChainError)?.reason ?? "\(error)")")
                }
            }
        } else {
            guard header.previousHash == (try genesis.hash()) else {
                throw bad("it does not commit to the stored genesis document")
            }
            try genesis.apply(to: state)
        }
        let expectedRoot = StateCommitment.next(previous: previous?.stateRoot ?? StateCommitment.initial, writes: state.writes,
                                                suite: suite)
        guard expectedRoot == header.stateRoot else { throw bad("replaying it gives a different state commitment") }
        replay.apply(state.writes)
        count += transactions.count
        return header
    }

    /// Both signatures of every transaction, spread over all cores.
    private func verifySignatures(_ transactions: [Transaction], genesis: Genesis) throws {
        let key = try genesis.membershipServiceKey()
        let failures = LockedFailures()
        DispatchQueue.concurrentPerform(iterations: transactions.count) { index in
            if let refusal = transactions[index].verifySignatures(chainId: genesis.chainId, membershipServiceKey: key) {
                failures.record(index, refusal)
            }
        }
        if let (index, refusal) = failures.first {
            throw bad("transaction \(index) (\(transactions[index].id)): \(refusal.reason)")
        }
    }

    /// Refuses, by name, a header or transaction of another suite than genesis's.
    private func requireSuite(_ suite: ChainCryptoSuite, of header: BlockHeader, transactions: [Transaction]) throws {
        guard header.suite == suite else { throw bad(suite.refusal(of: "block header", in: header.suite).reason) }
        if let other = transactions.first(where: { $0.suite != suite }) {
            throw bad("transaction \(other.id): " + suite.refusal(of: "transaction", in: other.suite).reason)
        }
    }

    private func bad(_ reason: String) -> ChainError { ChainError(.corruptLedger, reason) }
}
