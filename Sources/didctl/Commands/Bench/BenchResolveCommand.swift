import ArgumentParser
import Benchmarks
import Foundation
import Node

/// `didctl bench resolve`: DID resolution throughput from a chain holding many DIDs, and the
/// cost of resolving a much-updated DID.
struct BenchResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Register DIDs on a fresh chain, then measure in-process resolutions per second and the cost of updates.",
        discussion: "The default 1,000,000 DIDs take several minutes to register; --dids makes a smaller chain.")

    @OptionGroup var global: LocalOptions

    @Option(help: "DIDs registered (each its own did.create transaction).")
    var dids = 1_000_000

    @Option(help: "Updates of the much-updated DID.")
    var updates = 1_000

    @Option(help: "Resolutions measured.")
    var resolutions = 200_000

    func validate() throws {
        guard dids >= 1, updates >= 1, resolutions >= 1 else { throw ValidationError("Counts must be at least 1.") }
    }

    func run() async throws {
        let output = Output(json: global.json)
        let r = try await global.withBenchmarkDirectory("resolve") { directory in
            try await ResolveBenchmark(dids: dids, updates: updates, resolutions: resolutions, directory: directory,
                                       progress: { output.progress($0) }).run()
        }
        try output.emit(r, text: String(format: """
            DIDs on the chain              %d (registered at %.0f DIDs/s through did.create transactions)
            resolutions, uncached          %.0f per second (all cores, random DIDs)
            resolutions, cached            %.0f per second
            updated once / %d times     %.1f µs / %.1f µs per resolution (ratio %.2f)
            ledger                         %.0f MB
            """, r.dids, r.registrationPerSecond, r.resolutionsPerSecond, r.cachedResolutionsPerSecond, r.updates,
            r.microsecondsUpdatedOnce, r.microsecondsUpdatedMany, r.costRatio, r.ledgerMegabytes))
    }
}
