package import Foundation
package import KeyCustody
package import Primitives

/// The data directory's split vault (`specs/custody-vault.md`): its five local vault nodes, or
/// the vault nodes of other hosts listed in `vault/peers.json`; and the vault node this data
/// directory serves to other hosts' coordinators.
///
/// ```
/// vault/node-1 … node-5   the local nodes (a single host's vault)
/// vault/accounts/         the coordinator's public account records
/// vault/peers.json        the remote nodes, when the vault is split across hosts (§9)
/// vault/served/           the vault node `node start --vault-serve` serves to other hosts
/// keys/vault-coordinator.key   this coordinator's Ed25519 seed, signing its vault requests
/// ```
extension DataDirectory {
    var vaultPeersURL: URL { vaultURL.appendingPathComponent("peers.json") }

    /// The split vault: the remote nodes of `vault/peers.json` when it exists, else the five
    /// local nodes (separate stores with separate secrets).
    /// - Throws: `NodeError` when the peers file is unreadable or this process has no
    ///   ``vaultTransport``; `KeyCustodyError` when a node directory cannot be opened.
    package func vault() throws -> SplitVault {
        let records = vaultURL.appendingPathComponent("accounts").path
        guard let peers = try vaultPeers() else {
            let nodes = try (1...5).map { index in
                try VaultNode(directory: vaultURL.appendingPathComponent("node-\(index)").path)
            }
            return try SplitVault(directory: records, nodes: nodes)
        }
        guard let vaultTransport else {
            throw NodeError("The vault of \(url.path) is split across other hosts (\(vaultPeersURL.path)), which this command cannot reach.")
        }
        let coordinator = try vaultCoordinatorKey()
        let nodes = peers.nodes.map { peer in
            RemoteVaultNode(nodeID: peer.nodeID, transportKey: peer.transportKey, location: peer.url.absoluteString,
                            coordinatorKey: coordinator, exchange: vaultTransport(peer.url))
        }
        return try SplitVault(directory: records, nodes: nodes, defaultThreshold: peers.threshold)
    }

    /// The remote vault nodes, or `nil` for a vault of local nodes.
    /// - Throws: `NodeError` naming the file when it is not a valid peer list.
    package func vaultPeers() throws -> VaultPeers? {
        guard let data = FileManager.default.contents(atPath: vaultPeersURL.path) else { return nil }
        do { return try VaultPeers(json: Array(data)) } catch let error as NodeError {
            throw NodeError("\(vaultPeersURL.path): \(error.message)")
        }
    }

    /// Splits this data directory's vault across the hosts of `peers` from now on.
    /// - Throws: `NodeError.refusal` when full-custody accounts already live on the local nodes
    ///   (their shares would be out of reach) or a peer list is already set.
    package func useVaultPeers(_ peers: VaultPeers) throws {
        let records = vaultURL.appendingPathComponent("accounts")
        let existing = ((try? FileManager.default.contentsOfDirectory(atPath: records.path)) ?? []).filter { $0.hasSuffix(".json") }
        guard existing.isEmpty else {
            throw NodeError.refusal("\(existing.count) full-custody account(s) keep their shares on this host's local vault nodes; "
                                    + "a data directory switches to remote vault nodes before its first full-custody account.")
        }
        guard !FileManager.default.fileExists(atPath: vaultPeersURL.path) else {
            throw NodeError.refusal("\(vaultPeersURL.path) exists: this vault already uses remote nodes.")
        }
        try FileManager.default.createDirectory(at: vaultURL, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: vaultPeersURL.path, contents: Data(peers.json), attributes: [.posixPermissions: 0o644]) else {
            throw NodeError("Could not write \(vaultPeersURL.path).")
        }
    }

    /// The vault node this data directory serves to other hosts (`node start --vault-serve`),
    /// created on first use.
    /// - Throws: `KeyCustodyError` when its directory or secret cannot be opened.
    package func servedVaultNode() throws -> VaultNode {
        try VaultNode(directory: vaultURL.appendingPathComponent("served").path)
    }

    /// This coordinator's key, signing its requests to remote vault nodes; created on first use.
    /// - Throws: `NodeError` when the key file cannot be written or read.
    package func vaultCoordinatorKey() throws -> Ed25519PrivateKey {
        let name = "vault-coordinator"
        if !FileManager.default.fileExists(atPath: keysURL.appendingPathComponent("\(name).key").path) {
            try writeKey(name, secret: SecureRandom.secret(count: 32).unsafeArray)
        }
        do { return try Ed25519PrivateKey(seed: readKey(name)) } catch let error as NodeError { throw error } catch {
            throw NodeError("The key file \(keysURL.appendingPathComponent("\(name).key").path) is not a 32-byte seed.")
        }
    }
}
