import Credentials

/// The node's HTTP API on Hummingbird: thin handlers over the modules below.
///
/// This namespace marks the module until its issue fills it in.
public enum HTTPServerModule {
    /// The module this one builds on, so the import direction of DESIGN.md is exercised from
    /// the first commit.
    public static let dependsOn = "Credentials"
}
