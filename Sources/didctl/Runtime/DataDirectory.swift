import Chain
import Foundation
import Primitives

/// The node's data directory: genesis, ledger and the operator's keys.
///
/// ```
/// genesis.json        the chain's genesis document
/// ledger.sqlite       blocks, transactions and world state (WAL)
/// keys/*.key          node, membership-service, auditor, committee and member keys (0600)
/// ```
struct DataDirectory {
    let url: URL

    var genesisURL: URL { url.appendingPathComponent("genesis.json") }
    var ledgerPath: String { url.appendingPathComponent("ledger.sqlite").path }
    var keysURL: URL { url.appendingPathComponent("keys") }

    /// Whether a chain was initialised here.
    var isInitialised: Bool { FileManager.default.fileExists(atPath: genesisURL.path) }

    func genesis() throws -> Genesis {
        guard let data = FileManager.default.contents(atPath: genesisURL.path) else {
            throw DidctlFailure("No chain in \(url.path): run 'didctl init' or pass --data-dir.")
        }
        return try Genesis(json: data)
    }

    /// Takes this directory's ``WriterLock`` for the rest of the process, before any write.
    func lockForWriting() throws {
        guard isInitialised else { throw DidctlFailure("No chain in \(url.path): run 'didctl init' or pass --data-dir.") }
        try WriterLock.acquire(in: url)
    }

    func openStore() throws -> SQLiteBlockStore {
        guard isInitialised else { throw DidctlFailure("No chain in \(url.path): run 'didctl init' or pass --data-dir.") }
        return try SQLiteBlockStore(path: ledgerPath)
    }

    /// Writes a secret key file readable by the owner only.
    func writeKey(_ name: String, secret: [UInt8]) throws {
        try FileManager.default.createDirectory(at: keysURL, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let path = keysURL.appendingPathComponent("\(name).key").path
        guard FileManager.default.createFile(atPath: path, contents: Data(Hex.encode(secret).utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw DidctlFailure("Could not write the key file \(path).")
        }
    }

    /// Reads a secret key file.
    func readKey(_ name: String) throws -> SecureBytes {
        let path = keysURL.appendingPathComponent("\(name).key").path
        guard let data = FileManager.default.contents(atPath: path),
              let bytes = try? Hex.decode(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw DidctlFailure("The key file \(path) is missing or not hex.")
        }
        return SecureBytes(bytes)
    }

    func secp256k1Key(_ name: String) throws -> Secp256k1PrivateKey { try Secp256k1PrivateKey(secret: readKey(name)) }
}
