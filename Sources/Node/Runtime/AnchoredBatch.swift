package import Chain
package import Credentials

/// A batch whose status entries are allocated and whose Merkle root is anchored: ready to sign.
package struct AnchoredBatch {
    /// The drafts, in subject order.
    let drafts: [CredentialDraft]
    /// The prepared credentials the root commits to.
    let prepared: [CredentialIssuer.Prepared]
    /// The Merkle batch over them.
    let batch: IssuanceBatch
    /// Per credential: its revocation and its suspension entry.
    let entries: [[BitstringStatusListEntry]]
    /// The `evidence.anchor` transaction's receipt.
    let receipt: TransactionReceipt
}
