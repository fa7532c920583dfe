public import DID

/// One of an issuer's status lists as the chain holds it (`specs/credentials.md` §5.5).
public struct StatusListRecord: Sendable {
    /// `<issuer DID>/status/<purpose>/<n>`.
    public let id: String
    /// The issuer that allocates and updates the list.
    public let issuer: DID
    /// `revocation` or `suspension`.
    public let purpose: StatusPurpose
    /// The bits (131,072 statuses of one bit).
    public let list: BitstringStatusList
    /// How many statuses, from index 0, evidence anchors have allocated.
    public let allocated: Int
    /// The block time of the latest allocation or update, ms.
    public let updated: UInt64
}
