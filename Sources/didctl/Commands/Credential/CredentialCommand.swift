import Node
import ArgumentParser
import Chain

/// `didctl credential …`: issue, verify and change the status of verifiable credentials.
struct CredentialCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credential",
        abstract: "Issue, verify, revoke, suspend and reinstate verifiable credentials.",
        subcommands: [CredentialIssueCommand.self, CredentialVerifyCommand.self, CredentialRevokeCommand.self,
                      CredentialSuspendCommand.self, CredentialReinstateCommand.self])
}
