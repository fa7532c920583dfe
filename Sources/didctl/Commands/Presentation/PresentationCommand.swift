import ArgumentParser
import Chain
import Foundation

/// `didctl presentation …`: challenges, holder-signed presentations and their verification.
struct PresentationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presentation", abstract: "Create and verify presentations with a single-use challenge and a domain.",
        subcommands: [PresentationChallengeCommand.self, PresentationCreateCommand.self, PresentationVerifyCommand.self])
}

/// `didctl presentation challenge`: a fresh single-use challenge recorded in the data dir.
struct PresentationChallengeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "challenge", abstract: "Issue a fresh single-use challenge (valid 10 minutes).")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let directory = DataDirectory(url: global.resolvedDataDirectory)
        let challenge = try DirectoryChallengeStore(directory: directory).issue(now: Int64(Date().timeIntervalSince1970 * 1000))
        Output(json: global.json).emit(["challenge": challenge], text: challenge)
    }
}

