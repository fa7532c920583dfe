import ArgumentParser

/// `didctl node ...`: node admission (and, with the HTTP issue, running the node).
struct NodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Admit nodes to the chain.",
        subcommands: [NodeAdmitCommand.self])
}
