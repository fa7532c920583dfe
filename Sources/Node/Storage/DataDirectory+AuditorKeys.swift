package import Chain
package import Foundation
package import Primitives

/// The auditor's per-epoch keys in a data directory (`specs/audit.md` §6):
/// `keys/auditor-master.key` is the auditor's master (held by the auditor; split among officers
/// in production), `auditor-epochs.json` the public keys it published for coming epochs, which
/// is all the membership service reads. A directory without them (made before per-epoch keys)
/// seals to the genesis auditor's static key.
extension DataDirectory {
    /// Epochs published at a time: a quarter of one-day epochs.
    package static let publishedEpochs: UInt64 = 92

    package var auditorEpochKeysURL: URL { url.appendingPathComponent("auditor-epochs.json") }
    private var hasAuditorMaster: Bool { FileManager.default.fileExists(atPath: keysURL.appendingPathComponent("auditor-master.key").path) }

    /// The auditor's keyring, when this directory holds its master.
    package func auditorKeyring() throws -> AuditorKeyring? {
        hasAuditorMaster ? AuditorKeyring(master: try secp256k1Key("auditor-master")) : nil
    }

    /// What the membership service seals epoch `epoch` to: the published epoch keys, or the
    /// genesis auditor's static key in a directory without per-epoch keys. When the published
    /// keys do not reach `epoch` and the auditor's master is here, the auditor publishes the
    /// next run first, as it would ahead of time.
    package func auditorSealingKeys(genesis: Genesis, epoch: UInt64) throws -> any AuditorSealingKeys {
        var published = try FileManager.default.contents(atPath: auditorEpochKeysURL.path).map {
            try JSONDecoder().decode(AuditorEpochKeys.self, from: $0)
        }
        if let keyring = try auditorKeyring(), published.map({ (try? $0.publicKey(epoch: epoch)) == nil }) ?? true {
            published = try publishAuditorKeys(keyring, from: epoch)
        }
        if let published { return published }
        guard let auditor = genesis.auditors.first,
              let key = try? X25519PublicKey(rawRepresentation: Hex.decode(auditor.encryptionKey)) else {
            throw NodeError("Genesis names no auditor encryption key, and no auditor epoch keys are published in \(url.path).")
        }
        return key
    }

    /// Publishes the public keys of `publishedEpochs` epochs from `epoch` on.
    @discardableResult
    package func publishAuditorKeys(_ keyring: AuditorKeyring, from epoch: UInt64) throws -> AuditorEpochKeys {
        let published = try keyring.publish(epochs: epoch..<epoch + Self.publishedEpochs)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(published).write(to: auditorEpochKeysURL, options: .atomic)
        return published
    }

    /// The keys the auditor's index opens envelopes with: its keyring, or its static key.
    package func auditorKeySource() throws -> any AuditorKeySource {
        if let keyring = try auditorKeyring() { return keyring }
        return try X25519PrivateKey(rawRepresentation: readKey("auditor"))
    }
}
