import DID

/// Verifiable credentials: schemas, issuers, proofs, status lists, evidence, authorizations and verification.
///
/// This namespace marks the module until its issue fills it in.
public enum CredentialsModule {
    /// The module this one builds on, so the import direction of DESIGN.md is exercised from
    /// the first commit.
    public static let dependsOn = "DID"
}
