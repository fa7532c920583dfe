import Foundation

/// The auditor's private index (`specs/audit.md` §2): it follows a ledger block by block from
/// where it stopped, opens every transaction's envelope with the epoch's auditor key, checks
/// that the sealed one-time key and epoch are the transaction's, and records member →
/// transaction; untrustworthy envelopes become ``AuditAnomaly`` records.
///
/// ```swift
/// let index = AuditIndex(store: try SQLiteAuditIndexStore(path: "audit.sqlite"), keys: keyring)
/// _ = try index.follow(store: ledger)          // blocks followed; call again as blocks arrive
/// let transactions = try index.trace(handle)
/// ```
public final class AuditIndex: Sendable {
    /// Blocks and transactions gathered into one store commit at most.
    static let batchBlocks = 256
    static let batchTransactions = 8_192

    /// The index's storage.
    public let store: any AuditIndexStore
    let keys: any AuditorKeySource
    // Serialises following, so that two callers never record one block twice.
    private let following = NSLock()

    /// Creates an index over a store.
    /// - Parameters:
    ///   - store: where entries are kept; it may already hold a partly followed index.
    ///   - keys: the auditor's private keys by epoch.
    public init(store: any AuditIndexStore, keys: any AuditorKeySource) {
        self.store = store
        self.keys = keys
    }

    /// Follows the ledger from where the index stopped, at most `maximumBlocks` blocks, so a
    /// caller can pace itself by calling again.
    /// - Parameters:
    ///   - ledger: the chain's block store.
    ///   - maximumBlocks: the most blocks to follow in this call.
    /// - Returns: the number of blocks followed (0 when the index is at the head).
    /// - Throws: `ChainError.corruptLedger` when the ledger no longer holds the block the index
    ///   stopped at (another ledger, or a rewritten one: rebuild); storage errors of either store.
    public func follow(store ledger: any BlockStore, maximumBlocks: Int = .max) throws -> Int {
        try following.withLock { try followLocked(ledger, maximumBlocks: maximumBlocks) }
    }

    /// Drops the index and follows the whole ledger again with the auditor's keys.
    /// - Parameter ledger: the chain's block store.
    /// - Returns: the number of blocks followed.
    /// - Throws: storage errors of either store.
    public func rebuild(from ledger: any BlockStore) throws -> Int {
        try following.withLock {
            try store.removeAll()
            return try followLocked(ledger, maximumBlocks: .max)
        }
    }

    /// The member who submitted a transaction, or `nil` if the index has no entry for it.
    public func link(_ transaction: TransactionID) throws -> AuditEntry? { try store.entry(for: transaction) }

    /// Every transaction of a member, in ledger order.
    public func trace(_ member: MemberHandle) throws -> [AuditEntry] { try store.entries(of: member) }

    /// Every envelope that could not be trusted, in ledger order.
    public func anomalies() throws -> [AuditAnomaly] { try store.anomalies() }

    /// Every audit query recorded on the ledger, in ledger order.
    public func queries() throws -> [AuditQueryRecord] { try store.queries() }

    private func followLocked(_ ledger: any BlockStore, maximumBlocks: Int) throws -> Int {
        let cursor = try store.cursor() ?? (nextHeight: 0, lastBlockHash: [])
        if cursor.nextHeight > 0 {
            guard try ledger.signedHeader(at: cursor.nextHeight - 1)?.hash == cursor.lastBlockHash else {
                throw ChainError(.corruptLedger, "The audit index was built from another ledger, or this one was rewritten at block \(cursor.nextHeight - 1); rebuild the index.")
            }
        }
        guard let head = try ledger.head(), cursor.nextHeight <= head.header.height else { return 0 }
        var batch = AuditIndexBatch(nextHeight: cursor.nextHeight, lastBlockHash: cursor.lastBlockHash)
        var followed = 0, batchBlocks = 0, batchTransactions = 0
        while batch.nextHeight <= head.header.height && followed < maximumBlocks {
            guard let signed = try ledger.signedHeader(at: batch.nextHeight) else {
                throw ChainError(.corruptLedger, "Block \(batch.nextHeight) is missing from the ledger.")
            }
            let transactions = try ledger.transactions(at: batch.nextHeight)
            try open(transactions, of: signed.header, into: &batch)
            batch.nextHeight += 1
            batch.lastBlockHash = signed.hash
            followed += 1
            batchBlocks += 1
            batchTransactions += transactions.count
            if batchBlocks >= Self.batchBlocks || batchTransactions >= Self.batchTransactions {
                try store.record(batch)
                batch = AuditIndexBatch(nextHeight: batch.nextHeight, lastBlockHash: batch.lastBlockHash)
                (batchBlocks, batchTransactions) = (0, 0)
            }
        }
        if batchBlocks > 0 { try store.record(batch) }
        return followed
    }
}
