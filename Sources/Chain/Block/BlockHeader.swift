import Primitives

/// A block header (`specs/chain.md` §4.1). Its hash is a tagged hash of its canonical bytes;
/// nodes sign that hash.
public struct BlockHeader: Sendable, Hashable {
    /// The only header version defined.
    public static let version: UInt8 = 1

    /// The crypto suite, named by the first byte (`specs/chain.md` §9.2).
    public let suite: ChainCryptoSuite
    /// The chain's id.
    public let chainId: String
    /// 0 for genesis, then consecutive.
    public let height: UInt64
    /// The previous block's hash; for genesis, the hash of the genesis document.
    public let previousHash: [UInt8]
    /// RFC 9162 Merkle root of the transaction ids in block order.
    public let transactionsRoot: [UInt8]
    /// The state commitment after this block (§3).
    public let stateRoot: [UInt8]
    /// Milliseconds since 1970, from the orderer.
    public let time: UInt64
    /// The producing node's key (its node id): BIP-340, or compressed SM2 in the sm suite.
    public let proposer: [UInt8]
    /// How many transactions the block holds.
    public let transactionCount: UInt32

    /// Creates a header.
    public init(suite: ChainCryptoSuite = .standard, chainId: String, height: UInt64, previousHash: [UInt8], transactionsRoot: [UInt8], stateRoot: [UInt8],
                time: UInt64, proposer: [UInt8], transactionCount: UInt32) {
        self.suite = suite
        self.chainId = chainId
        self.height = height
        self.previousHash = previousHash
        self.transactionsRoot = transactionsRoot
        self.stateRoot = stateRoot
        self.time = time
        self.proposer = proposer
        self.transactionCount = transactionCount
    }

    /// The canonical bytes.
    public var encoded: [UInt8] {
        var writer = ByteWriter(capacity: 200)
        writer.u8(suite.wireByte(version: Self.version))
        writer.string(chainId)
        writer.u64(height)
        writer.raw(previousHash)
        writer.raw(transactionsRoot)
        writer.raw(stateRoot)
        writer.u64(time)
        writer.raw(proposer)
        writer.u32(transactionCount)
        return writer.bytes
    }

    /// Parses canonical bytes.
    /// - Throws: `ChainError.corruptLedger` when the bytes are not a header.
    public init(decoding bytes: [UInt8]) throws(ChainError) {
        do {
            var reader = ByteReader(bytes)
            let first = try reader.u8()
            guard let suite = ChainCryptoSuite.decoding(wireByte: first), first & 0x0F == Self.version else {
                throw ChainError.malformed("unknown header version or crypto suite")
            }
            self.suite = suite
            chainId = try reader.string(maxLength: 256)
            height = try reader.u64()
            previousHash = try reader.raw(32)
            transactionsRoot = try reader.raw(32)
            stateRoot = try reader.raw(32)
            time = try reader.u64()
            proposer = try reader.raw(suite.signature.publicKeyLength)
            transactionCount = try reader.u32()
            try reader.finish()
        } catch {
            throw ChainError(.corruptLedger, "A stored block header cannot be decoded: \((error as? ChainError)?.reason ?? "\(error)")")
        }
    }

    /// `TH("chancery/block-header/v1", encoded)` in the header's suite.
    public var hash: [UInt8] { suite.taggedHash("chancery/block-header/v1", encoded) }
}
