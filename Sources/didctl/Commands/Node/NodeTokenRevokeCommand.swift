import Node
import ArgumentParser

/// `didctl node token revoke ID`: the token stops working at once (the node reads the token
/// file on every request).
struct NodeTokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke an issuer token by the id 'node token list' shows.")

    @OptionGroup var global: LocalOptions
    @Argument(help: "The token's id (or a prefix naming one token).") var id: String

    func run() async throws {
        let removed = try IssuerTokens(directory: global.directory).revoke(id: id)
        Output(json: global.json).emit(["id": removed.id, "account": removed.account, "revoked": true],
                                       text: "Revoked token \(removed.id) of account \(removed.account).")
    }
}
