import Node
import ArgumentParser

/// `didctl node token create|list|revoke`: bearer tokens for `POST /credentials/issue` and
/// `POST /credentials/status`, each acting as one account until it expires or is revoked.
/// `didctl node token --account NAME` still creates one (`create` is the default).
struct NodeTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, list and revoke issuer tokens for the node's HTTP issuer endpoints.",
        subcommands: [NodeTokenCreateCommand.self, NodeTokenListCommand.self, NodeTokenRevokeCommand.self],
        defaultSubcommand: NodeTokenCreateCommand.self)
}
