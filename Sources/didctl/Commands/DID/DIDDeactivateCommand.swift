import Node
import ArgumentParser
import Chain
import DID

/// `didctl did deactivate DID --account NAME`: ends a DID for good; it still resolves, with
/// `deactivated: true`, and nothing can change it afterwards.
struct DIDDeactivateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate",
        abstract: "Deactivate a DID for good (signed by a controller key).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The did:chancery DID to deactivate.")
    var did: String

    @Option(help: "The account that signs the deactivation (a controller key of the DID, or the delegate under --delegation).")
    var account: String

    @Option(help: "Act as the delegate of this delegation (its id), as 'account delegate' granted it.")
    var delegation: String?

    func validate() throws {
        if let delegation, (try? DelegationID(hex: delegation)) == nil {
            throw ValidationError("--delegation needs a delegation id (64 hex digits), not '\(delegation)'.")
        }
        guard (try? DIDChancery(DID(parsing: did))) != nil else {
            throw ValidationError("'\(did)' is not a did:chancery DID (did:chancery:<chain-id>:0x<40 hex digits>).")
        }
    }

    func run() async throws {
        do { try await deactivate() } catch let error as DIDError { throw DidctlFailure(error.reason) }
    }

    private func deactivate() async throws {
        let directory = global.directory
        let chain = try await global.chain()
        defer { chain.close() }
        let did = try DIDChancery(DID(parsing: self.did)).did
        let signingAccount = try directory.account(account)
        let (current, version) = try await chain.currentDIDState(of: did)
        let custody = try await directory.custodian(for: signingAccount)
        let delegation = try delegation.map(DelegationID.init(hex:))
        let signer = try await chain.operationSigner(custody, did: did, document: current, delegation: delegation)
        let receipt = try await chain.submitDIDOperation(.deactivate, did: did, document: nil, previousVersionId: version,
                                                           delegation: delegation, signer: signer, member: custody.member)
        Output(json: global.json).emit(
            ["did": did.description, "deactivated": true, "versionId": String(version + 1),
             "transactionId": receipt.transactionId.description, "height": receipt.height],
            text: "Deactivated \(did) in block \(receipt.height).")
    }
}
