import ArgumentParser
import Benchmarks
import Chain
import Foundation
import Node

/// The options of a command that can act through a running node (`--node` in its help).
typealias GlobalOptions = CommandOptions<NodeOptionShown>

/// The options of a command that acts on the data directory only: `--node` is still read, so
/// that the command can say which commands take it, but its help does not offer it.
typealias LocalOptions = CommandOptions<NodeOptionHidden>

/// Whether a command's help shows `--node`.
protocol NodeOptionVisibility {
    /// The option's visibility in help.
    static var visibility: ArgumentVisibility { get }
}

/// `--node` is offered: the command acts through a running node.
enum NodeOptionShown: NodeOptionVisibility {
    static var visibility: ArgumentVisibility { .default }
}

/// `--node` is read but not offered.
enum NodeOptionHidden: NodeOptionVisibility {
    static var visibility: ArgumentVisibility { .private }
}

/// Options every command accepts (CONTRACT.md, "didctl").
struct CommandOptions<NodeOption: NodeOptionVisibility>: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: "The node's data directory (default: $CHANCERY_HOME, else ~/.chancery).")
    var dataDirectory: String?

    @Option(name: .customLong("node"),
            help: ArgumentHelp("Act through a running node at this URL instead of opening the data directory.",
                               visibility: NodeOption.visibility))
    var nodeURL: String?

    @Flag(name: .customLong("json"), help: "Print machine-readable JSON instead of text.")
    var json = false

    /// The data directory after applying the defaults.
    var resolvedDataDirectory: URL {
        if let dataDirectory { return URL(fileURLWithPath: dataDirectory) }
        if let home = ProcessInfo.processInfo.environment["CHANCERY_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home)
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".chancery")
    }

    /// The data directory, its accounts unlocked with secrets from the environment or, on a
    /// terminal, a prompt.
    var directory: DataDirectory {
        var directory = DataDirectory(url: resolvedDataDirectory, secrets: TerminalSecrets())
        directory.vaultTransport = VaultHTTPTransport.exchange(for:)
        return directory
    }

    /// Where a command's transactions go: the node at `--node` (keys stay here, the node signs
    /// nothing for the account), else the data directory's own chain, locked for writing.
    /// - Parameter access: `.read` for a command that only reads the chain (it runs beside a node).
    func chain(_ access: NodeRuntime.Access = .write) async throws -> any ChainGateway {
        if let nodeURL { return try await RemoteChain(url: nodeURL) }
        return try NodeRuntime(directory: directory, access: access)
    }

    /// Submits a committee approval of `action` through `chain`, carried by the operator's
    /// member key.
    /// - Parameter approver: the committee member whose key (in this data directory) signs it.
    /// - Returns: the receipt and whether the action executed.
    func approve(_ action: GovernanceAction, through chain: any ChainGateway,
                 as approver: String = DataDirectory.operatorCommitteeID) async throws -> (receipt: TransactionReceipt, executed: Bool) {
        let (approver, key) = try directory.committeeKey(approver)
        return try await chain.approve(action, approver: approver, committeeKey: key, member: try directory.operatorMember())
    }

    /// Runs a benchmark in `--data-dir` when one was given (kept afterwards, so it can be
    /// inspected), else in a fresh temporary directory removed at the end.
    func withBenchmarkDirectory<R>(_ name: String, _ body: (DataDirectory) async throws -> R) async throws -> R {
        if let dataDirectory { return try await body(DataDirectory(url: URL(fileURLWithPath: dataDirectory))) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-bench-\(name)-\(UUID().uuidString)")
        // Removed on SIGINT/SIGTERM too: a defer does not run when a signal ends the process,
        // and a scale run's directory holds gigabytes.
        BenchmarkChildren.temporary(url)
        BenchmarkChildren.stopOnSignals()
        defer {
            try? FileManager.default.removeItem(at: url)
            BenchmarkChildren.temporary(url, removed: true)
        }
        return try await body(DataDirectory(url: url))
    }
}
