import Node
import ArgumentParser
import Chain
import DID
import KeyCustody
import Primitives

/// `didctl did update DID --account NAME ...`: changes a DID's document (key rotation,
/// services, controllers) on top of its current version, signed by a controller key.
struct DIDUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a DID's keys, services or controllers; prints the new version.",
        discussion: """
            Key rotation is --add-key NEW-ACCOUNT --remove-key key-1 in one update: NEW-ACCOUNT's custodian \
            generates a fresh key for this DID (its secret is asked for). The signing account's key of \
            this DID must be a controller key of the current document; the chain refuses anyone else.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The did:chancery DID to change.")
    var did: String

    @Option(help: "The account that signs the update (a controller key of the DID, or the delegate under --delegation).")
    var account: String

    @Option(help: "Act as the delegate of this delegation (its id), as 'account delegate' granted it.")
    var delegation: String?

    @Option(name: .customLong("add-key"), help: "Add a fresh key held by this account, for authentication, assertion and capability invocation (repeatable).")
    var addKeys: [String] = []

    @Option(name: .customLong("key-type"), help: ArgumentHelp(
        "The type of the keys --add-key makes: secp256k1, ed25519 or p256.",
        discussion: "Ed25519 and P-256 keys sign credentials and presentations (Data Integrity eddsa and ecdsa, JOSE EdDSA and ES256): they are listed for authentication and assertion only, as the chain verifies DID operations with secp256k1 keys."))
    var keyType: String = KeyType.secp256k1.name

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
        guard let type = KeyType(name: keyType), type != .sm2 else {
            throw ValidationError("--key-type must be secp256k1, ed25519 or p256, not '\(keyType)'.")
        }
        if type != .secp256k1, addKeys.isEmpty { throw ValidationError("--key-type applies to --add-key; give the account that holds the new key.") }
        for controller in addControllers where (try? DID(parsing: controller)) == nil {
            throw ValidationError("--add-controller needs a DID; '\(controller)' is not one.")
        }
    }

    func run() async throws {
        do { try await update() } catch let error as DIDError { throw DidctlFailure(error.reason) }
    }

    private func update() async throws {
        let directory = global.directory
        let chain = try await global.chain()
        defer { chain.close() }
        let did = try DIDChancery(DID(parsing: self.did)).did
        let signingAccount = try directory.account(account)
        let (current, version) = try await chain.currentDIDState(of: did)
        var signing: AccountCustody?
        // Each added key is fresh, generated in its account's custodian for this DID alone.
        var added: [(before: AccountRecord, after: AccountRecord)] = [], keys: [CustodyPublicKey] = []
        let type = KeyType(name: keyType)!
        for name in addKeys {
            var record = try added.last(where: { $0.after.name == name })?.after ?? directory.account(name)
            let reference = record.newDIDKeyReference()
            let custody = try await directory.custodian(for: record, generating: reference, type: type)
            if name == account, signing == nil { signing = custody }
            let publicKey = try await custody.publicKey(of: reference)
            let before = record
            record.addDIDKey(did: did, key: reference, publicKey: publicKey)
            added.append((before, record))
            keys.append(publicKey)
        }
        let changes = DIDDocumentChanges(addKeys: keys, removeKeys: removeKeys, addServices: addServices, removeServices: removeServices,
                                         addControllers: try addControllers.map(DID.init(parsing:)))
        let document = try changes.applied(to: current)
        let custody: AccountCustody
        if let signing { custody = signing } else { custody = try await directory.custodian(for: signingAccount) }
        let delegation = try delegation.map(DelegationID.init(hex:))
        let signer = try await chain.operationSigner(custody, did: did, document: current, delegation: delegation)
        // Recorded before submitting, as `did create` does; a refused update takes them back.
        for record in added { try directory.save(record.after) }
        let receipt: TransactionReceipt
        do {
            receipt = try await chain.submitDIDOperation(.update, did: did, document: document, previousVersionId: version,
                                                           delegation: delegation, signer: signer, member: custody.member)
        } catch {
            // A refusal takes the records back; a lost answer keeps them (the update may be on the chain).
            if DidctlFailure.isDefiniteFailure(error) { for record in added.reversed() { try? directory.save(record.before) } }
            throw error
        }
        Output(json: global.json).emit(
            ["did": did.description, "versionId": String(version + 1), "transactionId": receipt.transactionId.description,
             "height": receipt.height],
            text: "Updated \(did) to version \(version + 1) in block \(receipt.height).")
    }
}
