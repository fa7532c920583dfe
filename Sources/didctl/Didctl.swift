import Node
import ArgumentParser
import Benchmarks
import Chain
import DID
import Foundation
import HTTPServer
import KeyCustody
import Primitives

/// `didctl`: the command-line front of Chancery, and the composition root that wires the
/// modules together (DESIGN.md, "Modules").
@main
struct Didctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "didctl",
        abstract: "Chancery: decentralized identifiers and verifiable credentials on a permissioned chain.",
        discussion: """
            Every command takes --json for machine-readable output. Errors go to stderr; the exit \
            status is 1 for a refused operation or failed verification and 2 for bad usage.
            """,
        version: Primitives.version,
        subcommands: [InitCommand.self, AccountCommand.self, DIDCommand.self, CPTCommand.self, IssuerCommand.self, CredentialCommand.self, PresentationCommand.self, AuthorizeCommand.self, NodeCommand.self, VaultCommand.self, ChainCommand.self, AuditCommand.self, BenchCommand.self, VersionCommand.self]
    )

    /// Runs the command line, with core dumps forbidden first (``CoreDumps``). `node start`
    /// then hands Swift Concurrency's work to the HTTP server's event loops
    /// (``EventLoopExecutor``), which must happen before any task starts.
    static func main() {
        CoreDumps.forbid()
        let arguments = CommandLine.arguments.dropFirst().prefix { !$0.hasPrefix("-") }
        if arguments.starts(with: ["node", "start"]), ProcessInfo.processInfo.environment["CHANCERY_CONCURRENCY_POOL"] != "1" {
            EventLoopExecutor.install()
        }
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            await runCommandLine()
            finished.signal()
        }
        finished.wait()
    }

    /// Runs the command line, mapping failures to the contract's exit codes: 2 for bad usage
    /// (ArgumentParser's own default is 64), 1 for a refused operation.
    static func runCommandLine() async {
        do {
            var command = try parseAsRoot()
            if let refusal = NodeOption.refusal(of: command) {
                FileHandle.standardError.write(Data("error: \(refusal)\n".utf8))
                Foundation.exit(2)
            }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as DidctlFailure {
            fail(failure.message)
        } catch let error as NodeError {
            fail(error.message)
        } catch let error as BenchmarkError {
            fail(error.description)
        } catch let error as ChainError {
            fail(error.reason)
        } catch let error as KeyCustodyError {
            fail(error.reason)
        } catch let error as DIDError {
            fail("\(error.code): \(error.reason)")
        } catch let error as PrimitivesError {
            fail(error.reason)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// One sentence on stderr, exit status 1.
    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
