package import Primitives

/// One stored issuer token: its SHA-256, never the token, with its account and lifetime.
package struct IssuerTokenEntry {
    /// SHA-256 of the token's text.
    package let digest: [UInt8]
    /// The one account the token acts as.
    package let account: String
    /// When it was made, ms since 1970 (0 for tokens made before tokens had lifetimes).
    package let created: Int64
    /// When it stops working, ms since 1970; `nil` for tokens made before tokens had lifetimes.
    package let expires: Int64?

    /// The token's public handle for `list` and `revoke`: the first 12 hex digits of its
    /// digest, which say nothing usable about the token.
    package var id: String { String(Hex.encode(digest).prefix(12)) }

    /// Whether the token still works at `now` (ms since 1970).
    package func isLive(at now: Int64) -> Bool { expires.map { now < $0 } ?? true }

    package init(digest: [UInt8], account: String, created: Int64, expires: Int64?) {
        self.digest = digest
        self.account = account
        self.created = created
        self.expires = expires
    }

    /// Reads a stored entry: `{"account", "created", "expires"}`, or the bare account name
    /// that files written before tokens had lifetimes hold.
    package init?(digestHex: String, stored: JSONValue) {
        guard let digest = try? Hex.decode(digestHex), digest.count == 32 else { return nil }
        if let account = stored.stringValue {
            self.init(digest: digest, account: account, created: 0, expires: nil)
            return
        }
        guard let account = stored["account"]?.stringValue, let created = stored["created"]?.doubleValue,
              let createdMs = Int64(exactly: created) else { return nil }
        let expires = stored["expires"]?.doubleValue.flatMap { Int64(exactly: $0) }
        self.init(digest: digest, account: account, created: createdMs, expires: expires)
    }

    /// The stored form.
    package var stored: JSONValue {
        var object: JSONObject = ["account": .string(account), "created": .number(Double(created))]
        if let expires { object["expires"] = .number(Double(expires)) }
        return .object(object)
    }
}
