import Foundation
import FuzzHarnesses
import Testing

/// Replays the kept fuzz corpus (`Tests/FuzzCorpus/<harness>/`: seeds, and every input that
/// once crashed a harness) through the same entry points libFuzzer calls, in an ordinary
/// build: a regression traps here as it did under the fuzzer.
@Suite("fuzz corpus replay")
struct FuzzCorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzCorpus")

    static func inputs(of harness: FuzzHarness) throws -> [URL] {
        let folder = corpus.appendingPathComponent(harness.rawValue)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("every kept input of each harness runs through it without a trap", arguments: FuzzHarness.allCases)
    func replay(_ harness: FuzzHarness) async throws {
        let inputs = try Self.inputs(of: harness)
        #expect(inputs.count >= 3, "Tests/FuzzCorpus/\(harness.rawValue) should hold the harness's seeds")
        for input in inputs {
            await harness.run([UInt8](try Data(contentsOf: input)))
        }
    }

    @Test("the corpus has a folder for each harness and no other")
    func folders() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasPrefix(".") }
        #expect(Set(names) == Set(FuzzHarness.allCases.map(\.rawValue)))
    }
}
