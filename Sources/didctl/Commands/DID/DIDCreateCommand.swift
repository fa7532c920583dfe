import ArgumentParser
import Chain
import DID
import KeyCustody

/// `didctl did create --account NAME`: registers the `did:chancery` DID of an account's key,
/// with the default document (the key for authentication, assertion and capability
/// invocation) and any services, signed through the account's custodian.
struct DIDCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Register a did:chancery DID for an account's key; prints the DID.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The account whose key becomes the DID's inception key and signs the registration.")
    var account: String

    @Option(name: .customLong("service"), help: "A service to publish, as \(ServiceArgument.help) (repeatable).")
    var services: [ServiceArgument] = []

    func run() async throws {
        // Didctl.main maps the other modules' errors; the DID module's are mapped here.
        do { try await create() } catch let error as DIDError { throw DidctlFailure(error.reason) }
    }

    private func create() async throws {
        let directory = DataDirectory(url: global.resolvedDataDirectory)
        let runtime = try NodeRuntime(directory: directory)
        defer { runtime.node.shutdown() }
        let signer = try await directory.custodian(for: try directory.account(account))
        let publicKey = try await signer.custodian.publicKey(for: signer.key)
        let did = try DIDChancery(chainId: runtime.genesis.chainId, publicKey: publicKey).did
        var document = try DIDChancery.defaultDocument(for: did, publicKey: publicKey)
        document.service = services.map { $0.service(for: did) }
        try document.validateStructure()
        let receipt = try await runtime.submitDIDOperation(.create, did: did, document: document, previousVersionId: 0, signer: signer)
        Output(json: global.json).emit(
            ["did": did.description, "transactionId": receipt.transactionId.description, "height": receipt.height],
            text: did.description)
    }
}
