import Node
import ArgumentParser

/// `didctl account ...`: member accounts in the three custody modes.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Create, admit (k-of-n), recover and list member accounts (custody: full, partial or hsm), and delegate for them.",
        subcommands: [AccountCreateCommand.self, AccountApproveCommand.self, AccountRequestsCommand.self, AccountRecoverCommand.self, AccountListCommand.self,
                      AccountDelegateCommand.self, AccountRevokeDelegationCommand.self])
}
