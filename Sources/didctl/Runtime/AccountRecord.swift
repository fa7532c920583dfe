import Foundation

/// A member account as this data directory knows it: its custody mode and where its key is.
/// Holds no secret: the key stays in the keystore, the vault or the HSM.
struct AccountRecord: Codable {
    var name: String
    var custody: String
    var publicKey: String
    var handle: String
    /// Partial custody: the keystore file.
    var keystore: String?
    /// HSM link: the PKCS#11 module, token label and key label.
    var pkcs11Module: String?
    var tokenLabel: String?
    var keyLabel: String?
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
