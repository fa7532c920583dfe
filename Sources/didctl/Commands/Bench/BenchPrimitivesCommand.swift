import ArgumentParser
import Benchmarks
import Foundation

/// `didctl bench primitives`: µs per sign and verify for each curve, through the Swift
/// wrappers and through the libraries directly, with the ratio.
struct BenchPrimitivesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "primitives",
        abstract: "Measure sign and verify for each curve, wrapper against the C library (median of rounds).")

    @OptionGroup var global: LocalOptions

    @Option(help: "Rounds per operation; the median round is reported.")
    var rounds = 7

    @Option(help: "Operations per round.")
    var iterations = 2_000

    func validate() throws {
        guard rounds >= 1, iterations >= 1 else { throw ValidationError("--rounds and --iterations must be at least 1.") }
    }

    func run() throws {
        let output = Output(json: global.json)
        let benchmark = PrimitivesBenchmark(rounds: rounds, iterations: iterations)
        let results = benchmark.run { output.progress("measuring \($0)…") }
        let rows = results.map { r in
            ["operation": r.operation, "wrapperMicroseconds": r.wrapperMicroseconds,
             "libraryMicroseconds": r.libraryMicroseconds, "ratio": r.ratio,
             "wrapperPerSecond": 1e6 / r.wrapperMicroseconds] as [String: Any]
        }
        var text = "operation                    wrapper µs   library µs   ratio\n"
        for r in results {
            text += r.operation.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: " %10.2f   %10.2f   %5.2f\n", r.wrapperMicroseconds, r.libraryMicroseconds, r.ratio)
        }
        text += "median of \(rounds) rounds × \(iterations) operations, one thread"
        output.emit(["rounds": rounds, "iterations": iterations, "results": rows], text: text)
    }
}
