import Primitives

/// Key custody: the `KeyCustodian` abstraction and its three modes (HSM link, partial custody,
/// full custody with a split vault). See DESIGN.md, "Key custody modes".
///
/// This namespace marks the module until the custody issue fills it in.
public enum KeyCustody {
    /// The primitives version this module was built against, so the import direction
    /// (KeyCustody ▶ Primitives) is exercised from the first commit.
    public static let primitivesVersion = Primitives.version
}
