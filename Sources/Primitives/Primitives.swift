/// Cryptographic primitives and encodings that every other Chancery module builds on.
public enum Primitives {
    /// The version of Chancery, printed by `didctl version`.
    public static let version = "0.1.0"
}
