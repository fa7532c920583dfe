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
}
