import Node
import ArgumentParser

/// `didctl chain ...`: status, integrity check, block listing and layout migration of the local ledger.
struct ChainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Inspect and verify the local ledger.",
        subcommands: [ChainInfoCommand.self, ChainVerifyCommand.self, ChainBlocksCommand.self, ChainMigrateCommand.self])
}
