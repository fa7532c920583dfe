package import Chain
package import Foundation
package import KeyCustody
package import Primitives

/// The node's data directory: genesis, ledger and the operator's keys.
///
/// ```
/// genesis.json        the chain's genesis document
/// ledger.sqlite       blocks, transactions and world state (WAL)
/// keys/*.key          node, membership-service, auditor, committee and member keys (0600)
/// ```
package struct DataDirectory: Sendable {
    /// The directory.
    package let url: URL
    /// Where passwords and PINs that unlock accounts' custodians come from: the environment by
    /// default; the CLI adds a terminal prompt.
    package private(set) var secrets: any SecretSource
    /// The page cache of the ledger's writing connection, KiB (each reader gets an eighth);
    /// `nil`: ``SQLiteBlockStore/Options``'s default, 64 MiB.
    package var ledgerCacheKiB: Int?
    /// How this process reaches vault nodes on other hosts (an HTTP `POST` to the node's
    /// `/vault/requests`), given by the composition root; `nil`: it cannot, and a vault split
    /// across hosts (``vaultPeers()``) is refused with a clear error.
    package var vaultTransport: (@Sendable (URL) -> RemoteVaultNode.Exchange)?

    /// A data directory at `url`; nothing is read until asked.
    package init(url: URL, secrets: any SecretSource = EnvironmentSecrets()) {
        self.url = url
        self.secrets = secrets
    }

    /// The same directory with the same settings, its accounts unlocked by `secrets` (a
    /// password given in a login, say).
    package func with(secrets: any SecretSource) -> DataDirectory {
        var copy = self
        copy.secrets = secrets
        return copy
    }

    package var genesisURL: URL { url.appendingPathComponent("genesis.json") }
    package var ledgerPath: String { url.appendingPathComponent("ledger.sqlite").path }
    package var keysURL: URL { url.appendingPathComponent("keys") }

    /// Whether a chain was initialised here.
    package var isInitialised: Bool { FileManager.default.fileExists(atPath: genesisURL.path) }

    package func genesis() throws -> Genesis {
        guard let data = FileManager.default.contents(atPath: genesisURL.path) else {
            throw NodeError("No chain in \(url.path): run 'didctl init' or pass --data-dir.")
        }
        return try Genesis(json: data)
    }

    /// Takes this directory's ``WriterLock`` for the rest of the process, before any write.
    package func lockForWriting() throws {
        guard isInitialised else { throw NodeError("No chain in \(url.path): run 'didctl init' or pass --data-dir.") }
        try WriterLock.acquire(in: url)
    }

    package func openStore() throws -> SQLiteBlockStore {
        guard isInitialised else { throw NodeError("No chain in \(url.path): run 'didctl init' or pass --data-dir.") }
        var options = SQLiteBlockStore.Options()
        if let ledgerCacheKiB { options.cacheKiB = ledgerCacheKiB }
        return try SQLiteBlockStore(path: ledgerPath, options: options)
    }

    /// Writes a secret key file readable by the owner only.
    package func writeKey(_ name: String, secret: [UInt8]) throws {
        try FileManager.default.createDirectory(at: keysURL, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let path = keysURL.appendingPathComponent("\(name).key").path
        guard FileManager.default.createFile(atPath: path, contents: Data(Hex.encode(secret).utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw NodeError("Could not write the key file \(path).")
        }
    }

    /// Reads a secret key file.
    package func readKey(_ name: String) throws -> SecureBytes {
        let path = keysURL.appendingPathComponent("\(name).key").path
        guard let data = FileManager.default.contents(atPath: path),
              let bytes = try? Hex.decode(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw NodeError("The key file \(path) is missing or not hex.")
        }
        return SecureBytes(bytes)
    }

    package func secp256k1Key(_ name: String) throws -> Secp256k1PrivateKey { try Secp256k1PrivateKey(secret: readKey(name)) }

    /// Reads the key file `name` as a key of the chain's suite (the node and membership-service
    /// keys: BIP-340 on a standard chain, SM2 on an sm chain, `specs/chain.md` §9).
    package func chainKey(_ name: String, suite: ChainCryptoSuite) throws -> SigningKey {
        try suite.signature.privateKey(secret: readKey(name))
    }
}
