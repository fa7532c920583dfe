public import Foundation
internal import Primitives

/// One vault node of full custody: a directory holding the node's own random secret and, per
/// account, one Shamir share sealed under a key that needs both that secret and the account's
/// password to derive.
///
/// ```swift
/// let node = try VaultNode(directory: "/srv/chancery/vault-1")
/// let vault = try SplitVault(directory: "/srv/chancery/accounts", nodes: [node, …])
/// ```
/// Layout: `node.secret` (32 random bytes, mode 0600, created on first use) and
/// `shares/<hex SHA-256(account)>.json`. The node counts consecutive failed attempts per
/// account and locks the account per its ``VaultLockoutPolicy``; time comes only from the
/// injected `clock`. Each node is a separate store with a separate secret; in a deployment
/// each runs on its own host. One process should serve a directory: calls are serialised
/// within the process, not across processes.
public final class VaultNode: @unchecked Sendable {
    // @unchecked: all state is immutable except the files, which `lock` serialises.

    /// The node's directory.
    public let directory: String
    /// The node's public name, derived from its secret; account records refer to nodes by it.
    public let nodeID: String
    /// The lockout policy this node applies.
    public let lockout: VaultLockoutPolicy

    /// The node's transport identity (`specs/custody-vault.md` §9.1), derived from its secret:
    /// coordinators on other hosts seal requests to it and check its answers with it.
    public let transportKey: VaultTransportKey

    let secret: SecureBytes
    let macKey: SecureBytes
    let transportSigner: Ed25519PrivateKey
    let transportSealer: X25519PrivateKey
    let clock: @Sendable () -> Date
    let lock = NSLock()

    /// Opens a node directory, creating it and the node secret on first use.
    /// - Parameters:
    ///   - directory: the node's directory; created (mode 0700) if absent.
    ///   - lockout: how failed attempts are answered.
    ///   - clock: the current time; tests inject a fake one.
    /// - Throws: `KeyCustodyError.backendUnavailable` when the directory or secret cannot be
    ///   created or read; `.backendFailure` when `node.secret` is not 32 bytes, is readable by
    ///   group or others, or is missing while the node holds shares.
    public init(
        directory: String, lockout: VaultLockoutPolicy = .standard, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.directory = directory
        self.lockout = lockout
        self.clock = clock
        try VaultFiles.makeDirectory(directory + "/shares")
        let path = directory + "/node.secret"
        // A new secret would silently orphan every existing share: refuse rather than create one.
        let shares = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/shares")) ?? []
        if !VaultFiles.exists(path), shares.contains(where: { $0.hasSuffix(".json") }) {
            throw KeyCustodyError(.backendFailure, "\(path) is missing but the node holds shares; restore it from backup.")
        }
        _ = try VaultFiles.createOnce(SecureRandom.secret(count: 32), at: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let mode = attributes?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw KeyCustodyError(.backendFailure, "\(path) is readable by group or others; make it mode 0600.")
        }
        guard let bytes = try VaultFiles.read(path), bytes.count == 32 else {
            throw KeyCustodyError(.backendFailure, "\(path) must hold exactly 32 bytes.")
        }
        secret = SecureBytes(bytes)
        macKey = VaultKeyDerivation.macKey(nodeSecret: secret)
        nodeID = VaultKeyDerivation.nodeID(nodeSecret: secret)
        do {
            transportSigner = try Ed25519PrivateKey(seed: VaultKeyDerivation.transportSigningSeed(nodeSecret: secret))
            transportSealer = try X25519PrivateKey(rawRepresentation: VaultKeyDerivation.transportSealingSecret(nodeSecret: secret))
        } catch { throw KeyCustodyError(.backendFailure, "The transport keys of vault node \(nodeID) cannot be derived: \(error)") }
        transportKey = VaultTransportKey(signing: transportSigner.publicKey, sealing: transportSealer.publicKey)
    }

    /// Where the share of `account` lives: named by a hash so any username is a safe file name.
    func sharePath(account: String) -> String {
        directory + "/shares/" + Hex.encode(Hash.sha256(Array(account.utf8))) + ".json"
    }

    /// Loads the share file of `account`.
    /// - Throws: `KeyCustodyError.backendUnavailable` when the node directory is gone;
    ///   `.keyNotFound` when the node holds no share for the account; `.backendFailure` when the
    ///   file fails its checks.
    func loadShareFile(account: String) throws -> VaultShareFile {
        guard VaultFiles.exists(directory + "/shares") else {
            throw KeyCustodyError(.backendUnavailable, "Vault node \(nodeID) is unavailable: \(directory) is missing.")
        }
        let path = sharePath(account: account)
        guard let bytes = try VaultFiles.read(path) else {
            throw KeyCustodyError(.keyNotFound, "Vault node \(nodeID) holds no share for account \"\(account)\".")
        }
        let file = try VaultShareFile(decoding: bytes, macKey: macKey, what: "The share file \(path) of vault node \(nodeID)")
        guard file.account == account else {
            throw KeyCustodyError(.backendFailure, "The share file \(path) of vault node \(nodeID) belongs to another account.")
        }
        return file
    }

    func saveShareFile(_ file: VaultShareFile) throws {
        try VaultFiles.write(file.encoded(macKey: macKey), to: sharePath(account: file.account))
    }
}
