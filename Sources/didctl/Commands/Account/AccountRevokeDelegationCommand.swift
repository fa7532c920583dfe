import Node
import ArgumentParser
import Chain
import KeyCustody

/// `didctl account revoke-delegation ID --account NAME`: the delegator ends a delegation; the
/// delegate's later operations under it are refused.
struct AccountRevokeDelegationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke-delegation",
        abstract: "Revoke a delegation this account granted.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The delegation id (64 hex digits), as 'account delegate' printed it.")
    var id: String

    @Option(help: "The account that granted the delegation.")
    var account: String

    func validate() throws {
        guard (try? DelegationID(hex: id)) != nil else { throw ValidationError("'\(id)' is not a delegation id (64 hex digits).") }
    }

    func run() async throws {
        let directory = global.directory
        let chain = try await global.chain()
        defer { chain.close() }
        let custody = try await directory.custodian(for: try directory.account(account))
        let id = try DelegationID(hex: id)
        // The grant's delegator key signs its revocation: the account's DID key of that name.
        let granted = try await chain.delegationRecord(id)?.terms.delegatorKey.lowercased()
        let held = custody.didKeys.last { $0.publicKey.lowercased() == granted }
        let signer: CustodyKey = try held.map { (custody.custodian, KeyReference($0.key)) } ?? custody.signer(for: try custody.primaryDID())
        let revocation = try await DelegationRevocation.signed(id, time: chain.clock.nowMilliseconds(), chainId: chain.chainId,
                                                               custodian: signer.custodian, key: signer.key)
        let receipt = try await chain.submit(type: .delegationRevoke, body: revocation.body, member: custody.member)
        Output(json: global.json).emit(
            ["id": id.description, "revoked": true, "transactionId": receipt.transactionId.description, "height": receipt.height],
            text: "Revoked delegation \(id) in block \(receipt.height).")
    }
}
