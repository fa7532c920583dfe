import Benchmarks
import Foundation

/// The `didctl` built beside the tests, run to completion or started as a consortium node
/// (``ConsortiumNodeProcess``, shared with `bench consortium`, stopped by its pid).
enum DidctlExecutable {
    /// The `didctl` binary built beside the test bundle.
    static let url: URL = {
        let candidates = [Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent()]
            .compactMap { $0 }
            .flatMap { [$0.appendingPathComponent("didctl"), $0.deletingLastPathComponent().appendingPathComponent("didctl")] }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            fatalError("didctl is not built next to the tests (looked in \(candidates.map(\.path)))")
        }
        return found
    }()

    /// Runs `didctl arguments` to completion: exit status, standard output, standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ConsortiumNodeProcess.execute(url, arguments)
    }

    /// Starts `didctl node start --ordering etcd` (and `arguments`) on a free port.
    static func startNode(dataDirectory: URL, etcd endpoints: [String], arguments: [String] = []) throws -> ConsortiumNodeProcess {
        try ConsortiumNodeProcess(didctl: url, dataDirectory: dataDirectory, etcd: endpoints, arguments: arguments)
    }
}
