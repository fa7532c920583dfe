import Foundation
import Primitives

/// Bearer tokens that let an HTTP client issue as an account: `didctl node token --account NAME`
/// stores SHA-256 of each token with its account in `issuer-tokens.json` (0600); the token
/// itself is shown once and never stored.
struct IssuerTokens {
    let url: URL

    init(directory: DataDirectory) { url = directory.url.appendingPathComponent("issuer-tokens.json") }

    /// The account a token issues as, or `nil`.
    func account(for token: String) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path), let object = (try? JSONValue(parsing: [UInt8](data)))?.objectValue else {
            return nil
        }
        return object[Hex.encode(Hash.sha256(Array(token.utf8)))]?.stringValue
    }

    /// Creates a token for `account`; returns it (the only time it is visible).
    func create(account: String) throws -> String {
        let token = Base64URL.encode(SecureRandom.bytes(count: 32))
        var object = FileManager.default.contents(atPath: url.path).flatMap { (try? JSONValue(parsing: [UInt8]($0)))?.objectValue } ?? [:]
        object[Hex.encode(Hash.sha256(Array(token.utf8)))] = .string(account)
        try Data(JSONValue.object(object).serialized()).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return token
    }
}
