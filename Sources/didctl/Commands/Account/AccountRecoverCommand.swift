import Node
import ArgumentParser
import KeyCustody
import Primitives

/// `didctl account recover NAME`: rebuilds a full-custody key from the split vault.
struct AccountRecoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Full custody: re-authenticate, gather the vault shares, rebuild the key and check it.")

    @OptionGroup var global: LocalOptions

    @Argument(help: "The account name.")
    var name: String

    func run() async throws {
        let directory = global.directory
        let account = try directory.account(name)
        guard account.custody == "full" else {
            throw DidctlFailure("'\(name)' is in \(account.custody) custody; only full-custody accounts are recovered from the vault.")
        }
        let password = try TerminalSecrets().secret(.password, account: name)
        let key = try await directory.vault().recover(username: name, password: password)
        let recovered = Hex.encode(key.publicKey.compressedRepresentation)
        guard recovered == account.publicKey else {
            throw DidctlFailure("The rebuilt key does not match the account's public key; the vault may be damaged.")
        }
        let address = try EthereumAddress(publicKey: key.publicKey.uncompressedRepresentation).description
        Output(json: global.json).emit(["name": name, "recovered": true, "address": address],
                                       text: "Recovered the key of '\(name)' from the vault; it matches address \(address).")
    }
}
