import Chain

/// DIDs: syntax, documents, the did:chancery method on the chain, did:key and resolution.
///
/// This namespace marks the module until its issue fills it in.
public enum DIDModule {
    /// The module this one builds on, so the import direction of DESIGN.md is exercised from
    /// the first commit.
    public static let dependsOn = "Chain"
}
