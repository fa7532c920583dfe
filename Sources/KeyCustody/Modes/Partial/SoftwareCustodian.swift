public import Primitives

/// Partial custody: the member generates and keeps its own secp256k1 keys in a local keystore
/// file encrypted under its password (Argon2id, then XChaCha20-Poly1305 per key).
///
/// ```swift
/// let custodian = try SoftwareCustodian(creating: "member.keystore.json", password: password)
/// let publicKey = try custodian.generateKey(name: "did-key-1")
/// let signature = try await custodian.sign(digest: hash, with: KeyReference("did-key-1"))
/// ```
/// Opening decrypts every key once; the keys then live in wiped-on-release memory until the
/// custodian is released. Every change rewrites the file atomically with mode 0600. One process
/// should own a keystore at a time: a change made on disk by another writer is refused, not merged.
public final class SoftwareCustodian: KeyCustodian, KeyExporter, CustomStringConvertible {
    /// Partial custody.
    public var mode: CustodyMode { .partial }
    /// The keystore file.
    public let path: String
    /// The Argon2id output, kept to seal keys added later without asking for the password again.
    let fileKey: SecureBytes
    let state: Locked<SoftwareCustodianState>

    /// Opens an existing keystore and decrypts its keys.
    /// - Parameters:
    ///   - path: the keystore file.
    ///   - password: its password.
    /// - Throws: `KeyCustodyError.authenticationFailed` for a wrong password; `.backendFailure`,
    ///   naming the file, when it is malformed or altered; `.backendUnavailable` when it cannot
    ///   be read. The file is never written when opening fails.
    public init(opening path: String, password: SecureBytes) throws {
        let content = try KeystoreFile.contents(of: path)
        let keystore = try Keystore(parsing: content, path: path)
        let fileKey = try keystore.kdf.fileKey(password: password)
        let keys = try keystore.unlock(fileKey: fileKey, path: path)
        self.fileKey = fileKey
        self.path = path
        state = Locked(SoftwareCustodianState(keystore: keystore, keys: keys, fileContent: content))
    }

    /// Creates a new, empty keystore file.
    /// - Parameters:
    ///   - path: where to write it; an existing file is never replaced.
    ///   - password: its password, not empty.
    ///   - parameters: the Argon2id cost, stored in the file; `.interactive` or smaller only for tests.
    /// - Throws: `KeyCustodyError.invalidInput` for an empty password, a cost outside
    ///   opsLimit 1–16 and memLimit 8 KiB–1 GiB in whole KiB, or an existing file;
    ///   `.backendUnavailable` when the directory cannot be written.
    public init(creating path: String, password: SecureBytes, parameters: Argon2id.Parameters = .moderate) throws {
        guard password.count > 0 else { throw KeyCustodyError(.invalidInput, "A keystore password must not be empty.") }
        let kdf = try KeystoreKDF(parameters: parameters)
        let fileKey = try kdf.fileKey(password: password)
        let keystore = try Keystore(kdf: kdf, fileKey: fileKey)
        let content = keystore.serialized()
        try KeystoreFile.publish(content, at: path, replacing: false)
        self.fileKey = fileKey
        self.path = path
        state = Locked(SoftwareCustodianState(keystore: keystore, keys: [:], fileContent: content))
    }

    /// Opens an existing keystore, with the password as a string.
    /// - Parameters:
    ///   - path: the keystore file.
    ///   - password: its password as UTF-8; prefer the `SecureBytes` initialiser where the
    ///     password can be kept out of a `String`, which cannot be wiped.
    /// - Throws: as the `SecureBytes` initialiser.
    public convenience init(opening path: String, password: String) throws {
        try self.init(opening: path, password: SecureBytes(Array(password.utf8)))
    }

    /// Creates a new, empty keystore file, with the password as a string.
    /// - Parameters:
    ///   - path: where to write it.
    ///   - password: its password as UTF-8.
    ///   - parameters: the Argon2id cost.
    /// - Throws: as the `SecureBytes` initialiser.
    public convenience init(creating path: String, password: String, parameters: Argon2id.Parameters = .moderate) throws {
        try self.init(creating: path, password: SecureBytes(Array(password.utf8)), parameters: parameters)
    }

    /// The names of the held keys, in file order.
    public var keyNames: [String] { state.withLock { $0.keystore.entries.map(\.name) } }

    /// Names the file and the keys; key material never appears.
    public var description: String { "SoftwareCustodian(partial, \(path), keys: \(keyNames))" }
}
