import Node
import ArgumentParser

/// `didctl bench ...`: built-in benchmarks that print their figures.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a built-in benchmark and print its figures (medians; rates per second, latencies in ms).",
        subcommands: [BenchPrimitivesCommand.self, BenchChainCommand.self, BenchResolveCommand.self, BenchVerifyCommand.self, BenchIssueCommand.self, BenchCustodyCommand.self, BenchAuditCommand.self, BenchRegisterCommand.self, BenchScaleCommand.self, BenchConsortiumCommand.self]
    )
}
