import Primitives

/// A member's encrypted keystore file, version 1 of `specs/custody-keystore.md`: named
/// secp256k1 keys, each sealed with XChaCha20-Poly1305 under a key that Argon2id derives from a
/// password, with public keys and addresses in clear.
///
/// ```swift
/// let keystore = try Keystore(contentsOf: "member.keystore.json")   // no password needed
/// keystore.entries.map(\.address)
/// ```
/// Reading checks the file's structure but not its seals; ``SoftwareCustodian`` unlocks, checks
/// and writes keystores.
public struct Keystore: Sendable {
    static let format = "chancery-keystore"
    static let version = 1
    static let members: Set<String> = ["format", "version", "kdf", "passwordCheck", "keys"]

    /// The Argon2id salt and cost.
    let kdf: KeystoreKDF
    /// An empty message sealed under the file key, so a wrong password is told apart from an
    /// altered entry, and an empty keystore still checks its password.
    let passwordCheck: [UInt8]
    /// The keys, in file order.
    public internal(set) var entries: [KeystoreEntry]

    /// Reads a keystore file, without its password.
    /// - Parameter path: the keystore file.
    /// - Throws: `KeyCustodyError.backendUnavailable` when the file cannot be read;
    ///   `.backendFailure`, naming the file, when it is not a well-formed version 1 keystore.
    public init(contentsOf path: String) throws {
        try self.init(parsing: KeystoreFile.contents(of: path), path: path)
    }

    /// A new, empty keystore whose password check is sealed under `fileKey`.
    init(kdf: KeystoreKDF, fileKey: SecureBytes) throws {
        self.kdf = kdf
        entries = []
        do {
            passwordCheck = try XChaCha20Poly1305.seal([], key: fileKey, associatedData: Self.checkAssociatedData(kdf))
        } catch {
            throw KeyCustodyError(.backendFailure, "The keystore's password check could not be sealed.")
        }
    }

    /// Checks `fileKey` against the password check, then decrypts every entry.
    /// - Returns: the private keys by entry name.
    /// - Throws: `KeyCustodyError.authenticationFailed` for a wrong password; `.backendFailure`
    ///   naming the file and entry when an entry was altered.
    func unlock(fileKey: SecureBytes, path: String) throws -> [String: CustodyPrivateKey] {
        guard (try? XChaCha20Poly1305.open(passwordCheck, key: fileKey, associatedData: Self.checkAssociatedData(kdf))) == [] else {
            throw KeyCustodyError.wrongKeystorePassword(path)
        }
        var keys: [String: CustodyPrivateKey] = [:]
        for entry in entries {
            keys[entry.name] = try entry.unseal(fileKey: fileKey, salt: kdf.salt) { .corruptKeystore(path, $0) }
        }
        return keys
    }

    /// The check's associated data covers the whole kdf object (`specs/custody-keystore.md` §3).
    private static func checkAssociatedData(_ kdf: KeystoreKDF) -> [UInt8] {
        JCS.canonicalize(.object(JSONObject([
            ("format", .string(format)), ("version", .number(Double(version))),
            ("role", "password-check"), ("kdf", kdf.json),
        ])))
    }
}
