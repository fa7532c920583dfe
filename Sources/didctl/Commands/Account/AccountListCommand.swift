import Node
import ArgumentParser

/// `didctl account list`: the accounts of this data directory.
struct AccountListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts of this data directory.")

    @OptionGroup var global: LocalOptions

    func run() throws {
        let accounts = try global.directory.accounts()
        Output(json: global.json).emit(
            ["accounts": accounts.map { ["name": $0.name, "custody": $0.custody, "publicKey": $0.publicKey, "memberHandle": $0.handle] }],
            text: accounts.isEmpty ? "No accounts." : accounts.map { "\($0.name)\t\($0.custody)\t\($0.publicKey)" }.joined(separator: "\n"))
    }
}
