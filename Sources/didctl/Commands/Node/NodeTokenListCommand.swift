import Node
import ArgumentParser
import Foundation

/// `didctl node token list`: the issuer tokens this node holds, by id, never the tokens.
struct NodeTokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List issuer tokens (id, account, created, expires); the tokens themselves are not kept.")

    @OptionGroup var global: LocalOptions

    func run() async throws {
        let entries = IssuerTokens(directory: global.directory).entries()
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let rows: [[String: Any]] = entries.map { entry in
            ["id": entry.id, "account": entry.account, "created": Self.time(entry.created == 0 ? nil : entry.created),
             "expires": Self.time(entry.expires), "expired": !entry.isLive(at: now)]
        }
        if global.json { return Output(json: true).emit(["tokens": rows], text: "") }
        guard !entries.isEmpty else { return print("No issuer tokens; create one with 'didctl node token create --account NAME'.") }
        print("ID            ACCOUNT               CREATED               EXPIRES")
        for (entry, row) in zip(entries, rows) {
            let state = entry.isLive(at: now) ? "" : " (expired)"
            print("\(entry.id)  \(entry.account.padding(toLength: 20, withPad: " ", startingAt: 0))  \(row["created"] as? String ?? "")  \(row["expires"] as? String ?? "")\(state)")
        }
    }

    /// A time as ISO 8601 to the second, or "never" where there is none (tokens made before
    /// tokens had lifetimes).
    static func time(_ milliseconds: Int64?) -> String {
        guard let milliseconds else { return "never" }
        return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
