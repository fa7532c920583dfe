import Node
import ArgumentParser
import Foundation

/// `didctl node token create --account NAME [--days N]`: a bearer token acting as that
/// account, printed once; only its SHA-256 is kept.
struct NodeTokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an issuer token for an account; prints it once.")

    @OptionGroup var global: LocalOptions
    @Option(help: "The issuing account the token acts as.") var account: String
    @Option(help: "Days until the token expires (1 to \(IssuerTokens.maximumDays)).") var days = IssuerTokens.defaultDays

    func run() async throws {
        let directory = global.directory
        _ = try directory.account(account)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let (token, entry) = try IssuerTokens(directory: directory).create(account: account, days: days, now: now)
        let expires = NodeTokenListCommand.time(entry.expires)
        Output(json: global.json).emit(["token": token, "account": account, "id": entry.id, "expires": expires],
                                       text: "\(token)\n(shown once; send it as 'Authorization: Bearer <token>'; id \(entry.id), expires \(expires))")
    }
}
