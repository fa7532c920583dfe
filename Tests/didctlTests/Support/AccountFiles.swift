import Foundation

/// An account's DID keys as a data directory stores them (`specs/chain.md` §6.2): those in
/// `accounts/<name>.json`, then the lines of `accounts/<name>.keys.jsonl`.
enum AccountFiles {
    static func didKeys(root: URL, account: String) throws -> [[String: Any]] {
        let accounts = root.appendingPathComponent("accounts")
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: accounts.appendingPathComponent("\(account).json"))) as? [String: Any]
        var keys = record?["didKeys"] as? [[String: Any]] ?? []
        if let log = try? String(contentsOf: accounts.appendingPathComponent("\(account).keys.jsonl"), encoding: .utf8) {
            keys += log.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        return keys
    }
}
