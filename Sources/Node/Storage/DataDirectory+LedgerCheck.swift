import Chain
import Foundation
import Primitives

extension DataDirectory {
    /// How many blocks under the head a node checks before it serves.
    package static let blocksCheckedAtStart: UInt64 = 64

    /// Checks the ledger before a node serves it, reading the file only (a read-only
    /// connection: not even SQLite's housekeeping writes to it): the newest
    /// ``blocksCheckedAtStart`` blocks (hash links, node signatures, Merkle roots), or with
    /// `everything` every block and the replayed state, as `didctl chain verify` does.
    /// - Throws: `NodeError` naming the ledger file, the first bad block and why; the node must
    ///   not start on it.
    package func checkLedger(everything: Bool = false, progress: (UInt64, UInt64) -> Void = { _, _ in }) throws {
        guard isInitialised else { throw NodeError("No chain in \(url.path): run 'didctl init' or pass --data-dir.") }
        var options = SQLiteBlockStore.Options()
        options.readOnly = true
        let report: ChainVerificationReport
        do {
            let verifier = ChainVerifier(store: try SQLiteBlockStore(path: ledgerPath, options: options), handlers: NodeRuntime.handlers())
            let ownNode = try? chainKey("node", suite: try genesis().suite()).publicKey
            report = everything ? try verifier.verify(progress: progress)
                : try verifier.verifyRecent(Self.blocksCheckedAtStart, ownNode: ownNode)
        } catch let error as ChainError {
            throw NodeError("The ledger \(ledgerPath) cannot be read: \(error.reason) The node does not start on it and leaves the file as it is.")
        }
        guard let problem = report.problem else { return }
        throw NodeError("The ledger \(ledgerPath) is damaged\(report.firstBadBlock.map { " at block \($0)" } ?? ""): \(problem) "
                        + "The node does not start on it and leaves the file as it is; 'didctl chain verify' checks every block.")
    }
}
