public import Chain
public import DID

/// An issuance batch's Merkle root as recorded by `evidence.anchor` (`specs/credentials.md` §5.6).
public struct AnchorRecord: Sendable, Hashable {
    /// The RFC 9162 Merkle root of the batch, 32 bytes.
    public let root: [UInt8]
    /// The issuer that anchored it.
    public let issuer: DID
    /// The number of credentials in the batch.
    public let count: UInt64
    /// The height of the block that holds the anchor.
    public let height: UInt64
    /// That block's time, ms.
    public let time: UInt64
    /// The anchoring transaction.
    public let transaction: TransactionID
}
