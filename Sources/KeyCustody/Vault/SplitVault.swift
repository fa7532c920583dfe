public import Primitives

/// The coordinator of full custody: creates accounts whose key is generated here, split t-of-n
/// with Feldman commitments, and kept only as sealed shares on separate vault nodes (local
/// ``VaultNode`` directories or ``RemoteVaultNode`` hosts, `specs/custody-vault.md` §9); and
/// rebuilds a key from any t nodes that accept the password.
///
/// ```swift
/// let vault = try SplitVault(directory: "/srv/chancery/accounts", nodes: nodes)   // 5 nodes
/// let publicKey = try vault.createAccount(username: "alice", password: password)  // 3-of-5
/// let key = try vault.recover(username: "alice", password: password)
/// ```
/// The coordinator keeps one public record per account in `directory` (username, public key,
/// commitments, Argon2id salt and cost, threshold, which node holds which share). It derives the
/// password key with Argon2id on the client's behalf: run it where the user types the
/// password. Calls block their thread for the Argon2id derivation and local nodes' file I/O.
public final class SplitVault: Sendable {
    /// The directory of the account records.
    public let directory: String
    /// The nodes this coordinator can reach, in the order it tries them.
    public let nodes: [any VaultShareHolder]
    /// The Argon2id cost for new accounts; recovery uses the cost stored in each record.
    public let parameters: Argon2id.Parameters
    /// t for new accounts when the caller names none.
    public let defaultThreshold: Int

    /// Opens (creating if needed) a records directory.
    /// - Parameters:
    ///   - directory: where account records live; created with mode 0700.
    ///   - nodes: the vault nodes, each with a distinct ``VaultNode/nodeID``.
    ///   - parameters: the Argon2id cost for new accounts.
    ///   - defaultThreshold: t for new accounts when the caller names none (3; a vault of three
    ///     hosts wants 2, so that any one may be down).
    /// - Throws: `KeyCustodyError.invalidInput` when two nodes share an ID;
    ///   `.backendUnavailable` when the directory cannot be created.
    public init(directory: String, nodes: [any VaultShareHolder], parameters: Argon2id.Parameters = .moderate,
                defaultThreshold: Int = 3) throws {
        guard Set(nodes.map(\.nodeID)).count == nodes.count else {
            throw KeyCustodyError(.invalidInput, "Two of the vault nodes are the same node (equal node IDs).")
        }
        try VaultFiles.makeDirectory(directory)
        self.directory = directory
        self.nodes = nodes
        self.parameters = parameters
        self.defaultThreshold = defaultThreshold
    }

    /// The public key of an account, from its record.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown account; `.backendFailure` for a
    ///   corrupt record.
    public func publicKey(username: String) throws -> Secp256k1PublicKey {
        guard case .secp256k1(let key) = try accountKey(username: username) else {
            throw KeyCustodyError(.unsupportedKeyType, "The vault account \"\(username)\" holds an \(try accountKey(username: username).keyType) key, not a secp256k1 key.")
        }
        return key
    }

    /// The public key of an account of any key type, from its record.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown account; `.backendFailure` for a
    ///   corrupt record.
    public func accountKey(username: String) throws -> CustodyPublicKey {
        try record(username: username).publicKey
    }

    func recordPath(username: String) -> String {
        directory + "/" + Hex.encode(Hash.sha256(Array(username.utf8))) + ".json"
    }

    func record(username: String) throws -> VaultAccountRecord {
        let path = recordPath(username: username)
        guard let bytes = try VaultFiles.read(path) else {
            throw KeyCustodyError(.keyNotFound, "No vault account is named \"\(username)\".")
        }
        let record = try VaultAccountRecord(decoding: bytes, what: "The vault account record \(path)")
        guard record.username == username else {
            throw KeyCustodyError(.backendFailure, "The vault account record \(path) belongs to another account.")
        }
        return record
    }

    /// Usernames are compared as exact UTF-8 bytes: callers normalise them (case, Unicode form).
    static func checkUsername(_ username: String) throws {
        guard (1...256).contains(username.utf8.count), !username.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw KeyCustodyError(.invalidInput, "A vault username is 1 to 256 UTF-8 bytes without control characters.")
        }
    }
}
