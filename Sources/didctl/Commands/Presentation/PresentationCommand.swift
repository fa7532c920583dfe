import Node
import ArgumentParser
import Chain
import Foundation
import Primitives

/// `didctl presentation …`: challenges, holder-signed presentations and their verification.
struct PresentationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presentation", abstract: "Create and verify presentations with a single-use challenge and a domain.",
        subcommands: [PresentationChallengeCommand.self, PresentationCreateCommand.self, PresentationVerifyCommand.self])
}

/// `didctl presentation challenge`: a fresh single-use challenge recorded in the data dir, or
/// with `--node` issued by the node (`POST /challenges`) for its `POST /presentations/verify`.
struct PresentationChallengeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "challenge", abstract: "Issue a fresh single-use challenge (valid 10 minutes).",
                                                    discussion: "With --node URL the node issues it, for a presentation verified there.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        if let nodeURL = global.nodeURL {
            let client = try NodeClient(nodeURL)
            let (status, body) = try await client.post("challenges", .object([:]))
            guard status == 200, let challenge = body["challenge"]?.stringValue else {
                throw DidctlFailure("The node at \(client.base) answered \(status) without a challenge.")
            }
            Output(json: global.json).emit(["challenge": challenge], text: challenge)
            return
        }
        let directory = global.directory
        let challenge = try DirectoryChallengeStore(directory: directory).issue(now: Int64(Date().timeIntervalSince1970 * 1000))
        Output(json: global.json).emit(["challenge": challenge], text: challenge)
    }
}

