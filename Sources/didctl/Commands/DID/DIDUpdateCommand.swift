import ArgumentParser
import Chain
import DID
import Primitives

/// `didctl did update DID --account NAME ...`: changes a DID's document (key rotation,
/// services, controllers) on top of its current version, signed by a controller key.
struct DIDUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a DID's keys, services or controllers; prints the new version.",
        discussion: """
            Key rotation is --add-key NEW-ACCOUNT --remove-key key-1 in one update. The signing account's \
            key must be a controller key of the current document; the chain refuses anyone else.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The did:chancery DID to change.")
    var did: String

    @Option(help: "The account that signs the update (a controller key of the DID, or the delegate under --delegation).")
    var account: String

    @Option(help: "Act as the delegate of this delegation (its id), as 'account delegate' granted it.")
    var delegation: String?

    @Option(name: .customLong("add-key"), help: "Add this account's key for authentication, assertion and capability invocation (repeatable).")
    var addKeys: [String] = []

    @Option(name: .customLong("remove-key"), help: "Remove the verification method with this fragment, such as key-1 (repeatable).")
    var removeKeys: [String] = []

    @Option(name: .customLong("add-service"), help: "Add a service, as \(ServiceArgument.help) (repeatable).")
    var addServices: [ServiceArgument] = []

    @Option(name: .customLong("remove-service"), help: "Remove the service with this id or fragment (repeatable).")
    var removeServices: [String] = []

    @Option(name: .customLong("add-controller"), help: "Add a DID whose controller keys may also change this DID (repeatable).")
    var addControllers: [String] = []

    func validate() throws {
        if let delegation, (try? DelegationID(hex: delegation)) == nil {
            throw ValidationError("--delegation needs a delegation id (64 hex digits), not '\(delegation)'.")
        }
        guard (try? DIDChancery(DID(parsing: did))) != nil else {
            throw ValidationError("'\(did)' is not a did:chancery DID (did:chancery:<chain-id>:0x<40 hex digits>).")
        }
        guard !(addKeys.isEmpty && removeKeys.isEmpty && addServices.isEmpty && removeServices.isEmpty && addControllers.isEmpty) else {
            throw ValidationError("Nothing to change: give --add-key, --remove-key, --add-service, --remove-service or --add-controller.")
        }
        for controller in addControllers where (try? DID(parsing: controller)) == nil {
            throw ValidationError("--add-controller needs a DID; '\(controller)' is not one.")
        }
    }

    func run() async throws {
        do { try await update() } catch let error as DIDError { throw DidctlFailure(error.reason) }
    }

    private func update() async throws {
        let directory = DataDirectory(url: global.resolvedDataDirectory)
        let runtime = try NodeRuntime(directory: directory)
        defer { runtime.node.shutdown() }
        let did = try DIDChancery(DID(parsing: self.did)).did
        let signingAccount = try directory.account(account)
        let changes = DIDDocumentChanges(
            addKeys: try addKeys.map { try Secp256k1PublicKey(Hex.decode(directory.account($0).publicKey)) },
            removeKeys: removeKeys, addServices: addServices, removeServices: removeServices,
            addControllers: try addControllers.map(DID.init(parsing:)))
        let (current, version) = try await runtime.currentDIDState(of: did)
        let document = try changes.applied(to: current)
        let signer = try await directory.custodian(for: signingAccount)
        let receipt = try await runtime.submitDIDOperation(.update, did: did, document: document, previousVersionId: version,
                                                           delegation: try delegation.map(DelegationID.init(hex:)), signer: signer)
        Output(json: global.json).emit(
            ["did": did.description, "versionId": String(version + 1), "transactionId": receipt.transactionId.description,
             "height": receipt.height],
            text: "Updated \(did) to version \(version + 1) in block \(receipt.height).")
    }
}
