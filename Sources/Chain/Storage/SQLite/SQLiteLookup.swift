/// The `lookup` table (`specs/chain.md` §6.3): 32-byte hashes found by their first 30 bits, each
/// pointing at the stored transaction that holds the whole hash. An entry is one integer,
/// `kind (2 bits) ‖ the hash's first 30 bits ‖ seq (32 bits)`, so that the table is one small
/// B-tree key per hash; candidates are confirmed against the whole hash, so a collision costs a
/// read. Transaction ids are found this
/// way, and so are the keys of two state namespaces whose entries the writing transaction
/// implies, so that their 32-byte random keys are not stored twice:
/// - `otk` (a spent one-time key, empty value): the one-time key of the transaction;
/// - `anchor` (an anchored digest, value `u64 height`): the first 32 body bytes of a
///   `chain.anchor` transaction, the height its block's.
/// A write of these namespaces that the block's transactions do not imply is stored in `state`.
struct SQLiteLookup {
    /// `kind` of a transaction id.
    static let transactionId: Int64 = 0
    /// `kind` of a spent one-time key.
    static let spentKey: Int64 = 1
    /// `kind` of an anchored digest.
    static let anchor: Int64 = 2

    /// The entry for `hash` of `kind` in transaction `seq`.
    static func entry(kind: Int64, hash: [UInt8], seq: Int64) -> Int64 { first(kind: kind, hash: hash) | (seq & 0xFFFF_FFFF) }

    /// The range of entries whose hash begins as `hash` does.
    static func range(kind: Int64, hash: [UInt8]) -> ClosedRange<Int64> {
        let first = first(kind: kind, hash: hash)
        return first...(first | 0xFFFF_FFFF)
    }

    /// The transaction an entry points at.
    static func seq(of entry: Int64) -> Int64 { entry & 0xFFFF_FFFF }

    /// An entry's hash bits, which order the entries of a kind.
    static func hashBits(of entry: Int64) -> Int64 { entry >> 32 }

    private static func first(kind: Int64, hash: [UInt8]) -> Int64 {
        let prefix = hash.prefix(4).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } << (8 * UInt64(4 - min(4, hash.count)))
        return Int64(bitPattern: UInt64(kind) << 62 | (prefix >> 2) << 32)
    }

    /// The kind whose entries stand for a state namespace, or `nil` for namespaces kept in `state`.
    static func kind(of namespace: String) -> Int64? {
        switch namespace {
        case ChainNamespace.spentKeys: spentKey
        case AnchorHandler.namespace: anchor
        default: nil
        }
    }

    /// The state entry a stored transaction implies, when its whole `key` is the transaction's.
    /// - Parameter height: the height of the block holding the transaction.
    static func value(kind: Int64, key: [UInt8], of transaction: Transaction, height: () throws -> UInt64) rethrows -> [UInt8]? {
        switch kind {
        case spentKey where transaction.oneTimeKey == key:
            return []
        case anchor where transaction.type == AnchorHandler.transactionType && transaction.body.count >= 32
            && Array(transaction.body.prefix(32)) == key:
            var writer = ByteWriter(capacity: 8)
            writer.u64(try height())
            return writer.bytes
        default:
            return nil
        }
    }

    private let block: Block
    private let firstSeq: Int64
    private let byOneTimeKey: [[UInt8]: Int]
    private let byAnchoredDigest: [[UInt8]: Int]

    /// The implied entries of a block about to be stored from `firstSeq` on.
    init(block: Block, firstSeq: Int64) {
        self.block = block
        self.firstSeq = firstSeq
        byOneTimeKey = Dictionary(block.transactions.enumerated().map { ($1.oneTimeKey, $0) }, uniquingKeysWith: { first, _ in first })
        byAnchoredDigest = Dictionary(block.transactions.enumerated().compactMap { index, transaction in
            transaction.type == AnchorHandler.transactionType && transaction.body.count >= 32 ? (Array(transaction.body.prefix(32)), index) : nil
        }, uniquingKeysWith: { first, _ in first })
    }

    /// The sequence number of the block's transaction that implies `(kind, key) = value`, or
    /// `nil` when none does (the write is then stored in `state`).
    func seq(kind: Int64, key: [UInt8], value: [UInt8]) -> Int64? {
        let candidates: [Int]
        switch kind {
        case Self.spentKey: candidates = byOneTimeKey[key].map { [$0] } ?? []
        case Self.anchor: candidates = byAnchoredDigest[key].map { [$0] } ?? []
        default: return nil
        }
        let height = block.height
        return candidates.first { Self.value(kind: kind, key: key, of: block.transactions[$0], height: { height }) == value }
            .map { firstSeq + Int64($0) }
    }
}
