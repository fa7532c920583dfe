import Node
import ArgumentParser

/// `didctl node ...`: node admission and running the node with its HTTP API.
struct NodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Admit nodes to the chain and run this one.",
        subcommands: [NodeAdmitCommand.self, NodeStartCommand.self, NodeTokenCommand.self])
}
