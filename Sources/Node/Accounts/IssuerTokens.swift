package import Foundation
package import Primitives

/// Bearer tokens that let an HTTP client issue and change statuses as one account
/// (`didctl node token create|list|revoke`). `issuer-tokens.json` (0600) keeps, for each token,
/// SHA-256 of it with its account, creation and expiry times; the token itself is shown once
/// and never stored, and a token names exactly one account, so it never acts for another.
package struct IssuerTokens {
    /// How long a token lives unless `--days` says otherwise.
    package static let defaultDays = 90
    /// The longest lifetime a token may be given.
    package static let maximumDays = 3650

    /// What a presented token is.
    package enum Lookup: Equatable {
        /// A live token of this account.
        case account(String)
        /// A token of this node whose expiry has passed.
        case expired
        /// Not a token of this node (never made, or revoked).
        case unknown
    }

    package let url: URL

    package init(directory: DataDirectory) { url = directory.url.appendingPathComponent("issuer-tokens.json") }

    /// The stored tokens, oldest first.
    package func entries() -> [IssuerTokenEntry] {
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = (try? JSONValue(parsing: [UInt8](data)))?.objectValue else { return [] }
        return object.compactMap { IssuerTokenEntry(digestHex: $0.key, stored: $0.value) }
            .sorted { ($0.created, $0.id) < ($1.created, $1.id) }
    }

    /// What `token` is at `now` (ms since 1970). Every stored digest is compared, each in
    /// constant time, so the answer's timing says nothing of how close a guess came.
    package func lookup(_ token: String, now: Int64) -> Lookup {
        let digest = Hash.sha256(Array(token.utf8))
        var found: IssuerTokenEntry?
        for entry in entries() where Self.constantTimeEqual(entry.digest, digest) { found = entry }
        guard let found else { return .unknown }
        return found.isLive(at: now) ? .account(found.account) : .expired
    }

    /// Creates a token for `account`, valid for `days` from `now`.
    /// - Returns: the token (the only time it is visible) and its stored entry.
    package func create(account: String, days: Int, now: Int64) throws -> (token: String, entry: IssuerTokenEntry) {
        guard (1...Self.maximumDays).contains(days) else {
            throw NodeError("--days must be between 1 and \(Self.maximumDays); \(days) is not.")
        }
        let token = Base64URL.encode(SecureRandom.bytes(count: 32))
        let entry = IssuerTokenEntry(digest: Hash.sha256(Array(token.utf8)), account: account, created: now,
                                     expires: now + Int64(days) * 86_400_000)
        try write(entries() + [entry])
        return (token, entry)
    }

    /// Removes the token whose id is `id` (or starts with it, when that names one token).
    /// - Returns: the removed entry.
    /// - Throws: `NodeError` when no token or more than one matches.
    package func revoke(id: String) throws -> IssuerTokenEntry {
        let all = entries()
        let matches = all.filter { !id.isEmpty && $0.id.hasPrefix(id.lowercased()) }
        guard matches.count == 1, let match = matches.first else {
            throw NodeError(matches.isEmpty ? "No issuer token has the id \(id); 'didctl node token list' shows them."
                                                : "\(matches.count) issuer tokens start with \(id); give more of the id.")
        }
        try write(all.filter { $0.digest != match.digest })
        return match
    }

    private func write(_ entries: [IssuerTokenEntry]) throws {
        let object = JSONObject(entries.map { (Hex.encode($0.digest), $0.stored) })
        try Data(JSONValue.object(object).serialized()).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
