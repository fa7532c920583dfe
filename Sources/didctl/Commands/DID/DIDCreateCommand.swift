import Node
import ArgumentParser
import Chain
import DID
import KeyCustody

/// `didctl did create --account NAME`: generates a fresh key for a new `did:chancery` DID in
/// the account's custodian (never the account's membership key, so nothing public ties the
/// account's DIDs to each other or to it), and registers the DID with the default document (the
/// key for authentication, assertion and capability invocation) and any services. The account
/// may create several DIDs; it submits each under its own one-time keys.
struct DIDCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Register a new did:chancery DID with a fresh key held by an account; prints the DID.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The account whose custodian generates and keeps the DID's inception key, and which submits the registration.")
    var account: String

    @Option(name: .customLong("service"), help: "A service to publish, as \(ServiceArgument.help) (repeatable).")
    var services: [ServiceArgument] = []

    func run() async throws {
        // Didctl.main maps the other modules' errors; the DID module's are mapped here.
        do { try await create() } catch let error as DIDError { throw DidctlFailure(error.reason) }
    }

    private func create() async throws {
        let directory = global.directory
        let chain = try await global.chain()
        defer { chain.close() }
        var record = try directory.account(account)
        let reference = record.newDIDKeyReference()
        // On an sm chain the inception key is SM2 (its address SM3-derived, `did-method.md`),
        // except in a PKCS#11 token, which makes secp256k1 keys.
        let keyType: KeyType = chain.suite == .sm && record.custody != "hsm" ? .sm2 : .secp256k1
        let custody = try await directory.custodian(for: record, generating: reference, type: keyType)
        let did: DID
        var document: DIDDocument
        // Recorded before submitting: a DID committed while its key reference was lost could
        // never be changed again. A refused registration takes the record back.
        let before = record
        let publicKey = try await custody.publicKey(of: reference)
        switch publicKey {
        case .sm2(let key):
            did = try DIDChancery(chainId: chain.chainId, publicKey: key).did
            document = try DIDChancery.defaultDocument(for: did, publicKey: key)
        case .secp256k1(let key):
            did = try DIDChancery(chainId: chain.chainId, publicKey: key).did
            document = try DIDChancery.defaultDocument(for: did, publicKey: key)
        default:
            throw DidctlFailure("A DID's inception key is secp256k1 or SM2, not \(publicKey.keyType).")
        }
        record.addDIDKey(did: did, key: reference, publicKey: publicKey)
        document.service = services.map { $0.service(for: did) }
        try document.validateStructure()
        try directory.save(record)
        let receipt: TransactionReceipt
        do {
            receipt = try await chain.submitDIDOperation(.create, did: did, document: document, previousVersionId: 0,
                                                           signer: (custody.custodian, reference), member: custody.member)
        } catch {
            // A refusal takes the record back; a lost answer keeps it (the DID may be on the chain).
            if DidctlFailure.isDefiniteFailure(error) { try? directory.save(before) }
            throw error
        }
        Output(json: global.json).emit(
            ["did": did.description, "transactionId": receipt.transactionId.description, "height": receipt.height],
            text: did.description)
    }
}
