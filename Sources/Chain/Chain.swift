import KeyCustody

/// The embedded permissioned chain: transactions, blocks, ledger storage, ordering, membership, privacy envelopes and the audit index.
///
/// This namespace marks the module until its issue fills it in.
public enum ChainModule {
    /// The module this one builds on, so the import direction of DESIGN.md is exercised from
    /// the first commit.
    public static let dependsOn = "KeyCustody"
}
