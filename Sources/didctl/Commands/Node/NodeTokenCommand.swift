import ArgumentParser
import Foundation

/// `didctl node token --account NAME`: a bearer token for `POST /credentials/issue`
/// and `POST /credentials/status` as that account.
struct NodeTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create an issuer token for the node's HTTP issuer endpoints; prints it once.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The issuing account the token acts as.") var account: String

    func run() async throws {
        let directory = DataDirectory(url: global.resolvedDataDirectory)
        _ = try directory.account(account)
        let token = try IssuerTokens(directory: directory).create(account: account)
        Output(json: global.json).emit(["token": token, "account": account],
                                       text: "\(token)\n(shown once; send it as 'Authorization: Bearer <token>')")
    }
}
