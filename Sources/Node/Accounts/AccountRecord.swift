package import Chain
package import DID
package import Foundation
package import KeyCustody
package import Primitives

/// A member account as this data directory knows it: its custody mode, where its keys are, and
/// which key signs for which DID. Holds no secret: the keys stay in the keystore, the vault or
/// the HSM. The long-term (membership) key only authenticates one-time key requests; each DID
/// has keys of its own in the same custodian (`specs/audit.md` §1), and this record is the only
/// place that ties them together: the chain never sees it.
package struct AccountRecord: Codable {
    package var name: String
    package var custody: String
    /// The long-term key (compressed, hex), kept here and by the membership service only.
    package var publicKey: String
    package var handle: String
    /// Partial custody: the keystore file.
    package var keystore: String?
    /// HSM link: the PKCS#11 module, token label and key label.
    package var pkcs11Module: String?
    package var tokenLabel: String?
    package var keyLabel: String?
    /// The keys this account holds for DIDs, oldest first (absent in a record without DIDs).
    package var didKeys: [AccountDIDKey]?

    /// A record with no keystore, token or DID keys yet; the creating command fills them in.
    package init(name: String, custody: String, publicKey: String, handle: String) {
        self.name = name
        self.custody = custody
        self.publicKey = publicKey
        self.handle = handle
    }

    /// The reference of the long-term key in the account's custodian.
    package var memberKey: KeyReference { KeyReference(custody == "hsm" ? keyLabel ?? name : name) }

    /// A fresh, unused reference for a new DID key: random, so it says nothing about the DID.
    package func newDIDKeyReference() -> KeyReference {
        KeyReference("\(memberKey.id).did-\(Hex.encode(SecureRandom.bytes(count: 8)))")
    }

    /// Records that `key` (with public key `publicKey`) signs for `did`.
    package mutating func addDIDKey(did: DID, key: KeyReference, publicKey: CustodyPublicKey) {
        didKeys = (didKeys ?? []) + [AccountDIDKey(did: did.description, key: key.id, publicKey: publicKey)]
    }
}

/// One key an account holds for one DID.
package struct AccountDIDKey: Codable, Hashable {
    /// The DID the key signs for.
    package var did: String
    /// The key's reference in the account's custodian.
    package var key: String
    /// The compressed public key in hex.
    package var publicKey: String
    /// The key type's name (JSON `keyType`); absent for secp256k1, so records written before
    /// other types keep their meaning.
    package var type: String?

    private enum CodingKeys: String, CodingKey {
        case did, key, publicKey
        case type = "keyType"
    }

    /// The key `key` of `did`.
    package init(did: String, key: String, publicKey: CustodyPublicKey) {
        self.did = did
        self.key = key
        self.publicKey = Hex.encode(publicKey.compressedRepresentation)
        type = publicKey.keyType == .secp256k1 ? nil : publicKey.keyType.name
    }

    /// The key type (secp256k1 when the record names none).
    package var keyType: KeyType? { type.map { KeyType(name: $0) } ?? .secp256k1 }

    /// The public key, or `nil` when the record's type or bytes are not a key.
    package var custodyPublicKey: CustodyPublicKey? {
        guard let keyType, let bytes = try? Hex.decode(publicKey) else { return nil }
        return try? CustodyPublicKey(type: keyType, compressed: bytes)
    }
}

extension DataDirectory {
    package var accountsURL: URL { url.appendingPathComponent("accounts") }
    package var vaultURL: URL { url.appendingPathComponent("vault") }

    package func accountURL(_ name: String) -> URL { accountsURL.appendingPathComponent("\(name).json") }

    /// The account `name`: its record, with the DID keys of its key log after the record's own.
    package func account(_ name: String) throws -> AccountRecord {
        var record = try storedRecord(name)
        let logged = try AccountDIDKeyLog(directory: self, account: name).keys()
        if !logged.isEmpty { record.didKeys = (record.didKeys ?? []) + logged }
        return record
    }

    /// Saves `account`. A new account's record is written whole; for an existing one, the DID
    /// keys it holds that are not stored yet are appended to its key log (one line each, so a
    /// registration does not rewrite the others), and the record is rewritten only when one of
    /// its other members changed. Keys stored by another writer meanwhile stay.
    package func save(_ account: AccountRecord) throws {
        try FileManager.default.createDirectory(at: accountsURL, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let stored = try? storedRecord(account.name) else {
            try encoder.encode(account).write(to: accountURL(account.name), options: .atomic)
            return
        }
        let log = AccountDIDKeyLog(directory: self, account: account.name)
        let known = Set(((stored.didKeys ?? []) + (try log.keys())).map(\.key))
        try log.append((account.didKeys ?? []).filter { !known.contains($0.key) })
        var record = account
        record.didKeys = stored.didKeys
        let bytes = try encoder.encode(record)
        if bytes != FileManager.default.contents(atPath: accountURL(account.name).path) {
            try bytes.write(to: accountURL(account.name), options: .atomic)
        }
    }

    /// How many DID keys account `name` holds (its record's and its key log's): what tells a
    /// kept custodian that keys were added since, without reading them all.
    package func didKeyCount(of name: String) throws -> Int {
        try (storedRecord(name).didKeys?.count ?? 0) + AccountDIDKeyLog(directory: self, account: name).count()
    }

    /// The keys account `name` holds for `did`, oldest first, looked up rather than scanned.
    package func didKeys(of name: String, for did: String) throws -> [AccountDIDKey] {
        try (storedRecord(name).didKeys ?? []).filter { $0.did == did } + AccountDIDKeyLog(directory: self, account: name).keys(of: did)
    }

    /// Records that account `name` holds `key`, appending it to the key log without reading the
    /// account's other keys (what the registrar does once per DID it creates).
    /// - Throws: `NodeError` when there is no such account or the line cannot be written.
    package func appendDIDKey(_ key: AccountDIDKey, to name: String) throws {
        _ = try storedRecord(name)
        try AccountDIDKeyLog(directory: self, account: name).append([key])
    }

    /// The record as written in `accounts/<name>.json`, without its key log: its long-term key,
    /// custody mode and the DID keys it was written with.
    package func storedRecord(_ name: String) throws -> AccountRecord {
        guard let data = FileManager.default.contents(atPath: accountURL(name).path) else {
            throw NodeError("No account named '\(name)' in \(url.path); create it with 'didctl account create'.")
        }
        return try JSONDecoder().decode(AccountRecord.self, from: data)
    }

    package func accounts() throws -> [AccountRecord] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: accountsURL.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { try account(String($0.dropLast(5))) }
    }
}
