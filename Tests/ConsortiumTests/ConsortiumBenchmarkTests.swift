import Benchmarks
import Foundation
import Testing

/// `didctl bench consortium` run small: a real etcd cluster and three node processes, every one
/// stopped by its pid when the run ends; the figures it reports are those of a run that committed
/// everything, with every node at one final head.
@Suite(.serialized)
struct ConsortiumBenchmarkTests {
    @Test("a small consortium benchmark commits every transaction through three nodes, which end at one final head, and reports its figures beside the solo chain's")
    func smallRun() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-bench-consortium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await ConsortiumBenchmark(nodes: 3, transactions: 150, clients: 2, window: 8, offeredRate: 50,
                                                   latencyTransactions: 60, soloTransactions: 300, directory: directory,
                                                   didctl: DidctlExecutable.url).run()
        #expect(result.nodesAgree, "every node at one final head")
        // Block 0, two admissions, then at least one block for the 210 anchors.
        #expect(result.finalHeight >= 3)
        #expect(result.committedPerSecond > 0 && result.latencySamples == 60)
        #expect(result.latencyP50Milliseconds > 0 && result.latencyP99Milliseconds >= result.latencyP50Milliseconds)
        let solo = try #require(result.soloCommittedPerSecond)
        let bound = try #require(result.verificationBoundPerSecond)
        #expect(solo > 0 && bound > 0)
        #expect(abs(try #require(result.consortiumBoundPerSecond) - bound / 3) < 1e-6)
        // Nothing of the run is left running: no etcd member or node of its directories.
        let processes = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { Int($0) != nil }
        let leftover = processes.filter { pid in
            let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            return command.contains(directory.path)
        }
        #expect(leftover.isEmpty, "processes left: \(leftover)")
    }

    @Test("didctl bench consortium, the command, runs the cluster and nodes from its own executable and answers its figures in JSON")
    func command() throws {
        let run = try DidctlExecutable.run(["bench", "consortium", "--transactions", "40", "--clients", "2", "--window", "4", "--rate", "20",
                                            "--latency-transactions", "10", "--solo-transactions", "0", "--json"])
        #expect(run.status == 0, "\(run.stderr.suffix(2_000))")
        let object = try #require(try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        #expect(object["nodesAgree"] as? Bool == true && object["nodes"] as? Int == 3, "\(object)")
        #expect((object["committedPerSecond"] as? Double ?? 0) > 0 && object["latencySamples"] as? Int == 10, "\(object)")
    }

    @Test("didctl bench consortium ended by SIGTERM kills its etcd members and nodes before it exits")
    func signalStopsChildren() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-bench-signal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = DidctlExecutable.url
        // Far more than it can finish before the signal.
        process.arguments = ["bench", "consortium", "--transactions", "1000000", "--solo-transactions", "0", "--data-dir", directory.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var children: Set<Int32> = []
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            for pid in children { kill(pid, SIGKILL) }
        }
        // Three etcd members and three nodes, all children of the benchmark.
        for _ in 0..<1_200 where children.count < 6 && process.isRunning {
            children = Self.children(of: process.processIdentifier)
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(children.count >= 6, "children seen: \(children)")
        // The etcd data directory of this run, from its members' command lines.
        let etcdDirectories = Set(children.compactMap { pid -> String? in
            let arguments = ((try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? "").split(separator: "\0")
            guard let flag = arguments.firstIndex(of: "--data-dir"), flag + 1 < arguments.count,
                  arguments[flag + 1].contains("chancery-etcd-") else { return nil }
            return URL(fileURLWithPath: String(arguments[flag + 1])).deletingLastPathComponent().path
        })
        #expect(etcdDirectories.count == 1, "\(etcdDirectories)")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + SIGTERM)
        var alive = children
        for _ in 0..<100 where !alive.isEmpty {
            alive = alive.filter { Self.isAlive($0) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(alive.isEmpty, "left running: \(alive)")
        #expect(etcdDirectories.allSatisfy { !FileManager.default.fileExists(atPath: $0) }, "the run's etcd data removed: \(etcdDirectories)")
    }

    /// The pids whose parent is `parent`, from `/proc/<pid>/stat`.
    static func children(of parent: Int32) -> Set<Int32> {
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
        return Set(pids.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            // After "pid (comm) ": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        })
    }

    /// Whether `pid` is a live process (not gone, not a zombie).
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }
}
