import Primitives

/// What a ``SoftwareCustodian`` knows, kept in a ``Locked`` because calls may come from many
/// tasks, and adding a key must check the name, write the file and update memory as one step.
struct SoftwareCustodianState {
    /// The file as last read or written, entries sealed.
    var keystore: Keystore
    /// The decrypted keys by entry name, in the wiped-on-release memory of `SecureBytes`.
    var keys: [String: CustodyPrivateKey]
    /// The file's bytes as last read or written, to notice another writer before replacing it.
    var fileContent: [UInt8]
}
