import ArgumentParser

/// `didctl vault …`: the split vault across hosts (`specs/custody-vault.md` §9).
struct VaultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vault",
        abstract: "Split full custody's vault across hosts: this host's vault identity, and the vault nodes of others.",
        subcommands: [VaultInfoCommand.self, VaultUsePeersCommand.self])
}
