import Node
import ArgumentParser
import Chain
import Credentials
import Primitives

/// The shared arguments and work of revoke, suspend and reinstate: one `status.update`
/// transaction on the issuer's list, signed by the issuer's account.
struct StatusChangeOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Argument(help: "The credential's id (urn:uuid:…), as `credential issue` printed it.")
    var id: String

    @Option(help: "The issuing account (its DID owns the status lists).")
    var account: String

    func change(purpose: String, value: Int, verb: String) async throws {
        let directory = global.directory
        let chain = try await global.chain()
        defer { chain.close() }
        guard let entries = try IssuedCredentialIndex(directory: directory).entries(of: id) else {
            throw DidctlFailure("This data directory issued no credential \(id); run the command where it was issued.")
        }
        guard let entry = entries.first(where: { $0.purpose == purpose }) else {
            throw DidctlFailure("Credential \(id) has no \(purpose) status entry.")
        }
        let (did, _, custody) = try await chain.credentialSigner(custody: try await directory.custodian(for: try directory.account(account)))
        if purpose == "suspension", value == 0, let revocation = entries.first(where: { $0.purpose == "revocation" }),
           try await chain.statusEntry(list: revocation.list, index: revocation.index).value == 1 {
            throw DidctlFailure("Credential \(id) is revoked; revocation is final and cannot be reinstated.")
        }
        let receipt = try await chain.submitStatusUpdate(did: did, list: entry.list, index: entry.index, value: value == 1, signer: custody)
        Output(json: global.json).emit(
            ["id": id, "purpose": purpose, "value": value, "list": entry.list, "index": entry.index,
             "transactionId": receipt.transactionId.description, "height": receipt.height],
            text: "\(verb) \(id) (\(entry.list) index \(entry.index)) in block \(receipt.height).")
    }
}

/// `didctl credential revoke ID`: sets the revocation bit (final).
struct CredentialRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a credential you issued (final).")
    @OptionGroup var options: StatusChangeOptions
    func run() async throws { try await options.change(purpose: "revocation", value: 1, verb: "Revoked") }
}

/// `didctl credential suspend ID`: sets the suspension bit.
struct CredentialSuspendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suspend", abstract: "Suspend a credential you issued (reversible).")
    @OptionGroup var options: StatusChangeOptions
    func run() async throws { try await options.change(purpose: "suspension", value: 1, verb: "Suspended") }
}

/// `didctl credential reinstate ID`: clears the suspension bit.
struct CredentialReinstateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reinstate", abstract: "Lift a suspension of a credential you issued.")
    @OptionGroup var options: StatusChangeOptions
    func run() async throws { try await options.change(purpose: "suspension", value: 0, verb: "Reinstated") }
}
