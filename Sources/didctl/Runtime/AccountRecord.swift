import Chain
import DID
import Foundation
import KeyCustody
import Primitives

/// A member account as this data directory knows it: its custody mode, where its keys are, and
/// which key signs for which DID. Holds no secret: the keys stay in the keystore, the vault or
/// the HSM. The long-term (membership) key only authenticates one-time key requests; each DID
/// has keys of its own in the same custodian (`specs/audit.md` §1), and this record is the only
/// place that ties them together: the chain never sees it.
struct AccountRecord: Codable {
    var name: String
    var custody: String
    /// The long-term key (compressed, hex), kept here and by the membership service only.
    var publicKey: String
    var handle: String
    /// Partial custody: the keystore file.
    var keystore: String?
    /// HSM link: the PKCS#11 module, token label and key label.
    var pkcs11Module: String?
    var tokenLabel: String?
    var keyLabel: String?
    /// The keys this account holds for DIDs, oldest first (absent in a record without DIDs).
    var didKeys: [AccountDIDKey]?

    /// The reference of the long-term key in the account's custodian.
    var memberKey: KeyReference { KeyReference(custody == "hsm" ? keyLabel ?? name : name) }

    /// A fresh, unused reference for a new DID key: random, so it says nothing about the DID.
    func newDIDKeyReference() -> KeyReference {
        KeyReference("\(memberKey.id).did-\(Hex.encode(SecureRandom.bytes(count: 8)))")
    }

    /// Records that `key` (with public key `publicKey`) signs for `did`.
    mutating func addDIDKey(did: DID, key: KeyReference, publicKey: Secp256k1PublicKey) {
        didKeys = (didKeys ?? []) + [AccountDIDKey(did: did.description, key: key.id,
                                                   publicKey: Hex.encode(publicKey.compressedRepresentation))]
    }
}

/// One key an account holds for one DID.
struct AccountDIDKey: Codable, Hashable {
    /// The DID the key signs for.
    var did: String
    /// The key's reference in the account's custodian.
    var key: String
    /// The compressed public key in hex.
    var publicKey: String
}

extension DataDirectory {
    var accountsURL: URL { url.appendingPathComponent("accounts") }
    var vaultURL: URL { url.appendingPathComponent("vault") }

    func accountURL(_ name: String) -> URL { accountsURL.appendingPathComponent("\(name).json") }

    func account(_ name: String) throws -> AccountRecord {
        guard let data = FileManager.default.contents(atPath: accountURL(name).path) else {
            throw DidctlFailure("No account named '\(name)' in \(url.path); create it with 'didctl account create'.")
        }
        return try JSONDecoder().decode(AccountRecord.self, from: data)
    }

    func save(_ account: AccountRecord) throws {
        try FileManager.default.createDirectory(at: accountsURL, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(account).write(to: accountURL(account.name), options: .atomic)
    }

    func accounts() throws -> [AccountRecord] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: accountsURL.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { try account(String($0.dropLast(5))) }
    }
}
