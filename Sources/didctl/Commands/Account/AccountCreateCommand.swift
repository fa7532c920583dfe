import Node
import ArgumentParser
import Chain
import Foundation
import KeyCustody
import Primitives

/// `didctl account create NAME --custody full|partial|hsm`: creates the key in the chosen
/// custody mode and admits the account as a member through a committee approval.
struct AccountCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a member account and admit it on the chain.",
        discussion: """
            full:    the key is generated and split 3-of-5 across the vault nodes; password from \
            CHANCERY_PASSWORD or a prompt.
            partial: the key is generated into an encrypted keystore that the member keeps; password \
            from CHANCERY_PASSWORD or a prompt.
            hsm:     the key stays in a PKCS#11 token (generated there if the label is new); PIN from \
            CHANCERY_PKCS11_PIN or a prompt.
            With --node URL the keys are created here as above and the admission goes through that             running node, approved by this data directory's operator (a committee member).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account name (letters, digits, '-', '_', '.').")
    var name: String

    @Option(help: "Custody mode: full, partial or hsm.")
    var custody: String

    @Option(name: .customLong("pkcs11-module"), help: "hsm: path of the PKCS#11 module.")
    var pkcs11Module: String?

    @Option(name: .customLong("token-label"), help: "hsm: the token's label.")
    var tokenLabel: String?

    @Option(name: .customLong("key-label"), help: "hsm: the key's label in the token.")
    var keyLabel: String?

    @Option(help: "full: shares needed to recover the key.")
    var threshold = 3

    func validate() throws {
        guard CustodyMode(name: custody) != nil else { throw ValidationError("--custody must be full, partial or hsm.") }
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw ValidationError("The account name must be 1-64 letters, digits, '-', '_' or '.'.")
        }
        if custody == "hsm", pkcs11Module == nil || tokenLabel == nil || keyLabel == nil {
            throw ValidationError("--custody hsm needs --pkcs11-module, --token-label and --key-label.")
        }
    }

    func run() async throws {
        let output = Output(json: global.json)
        let directory = global.directory
        guard directory.isInitialised else { throw DidctlFailure("No chain in \(directory.url.path): run 'didctl init' first.") }
        guard (try? directory.account(name)) == nil else { throw DidctlFailure("An account named '\(name)' already exists.") }
        // Before the keystore is written: an account refused by a busy directory leaves nothing
        // behind. Through a node, the node holds the ledger and nothing here is locked.
        if global.nodeURL == nil { try directory.lockForWriting() }
        let chain = try await global.chain()
        defer { chain.close() }
        var record = AccountRecord(name: name, custody: custody, publicKey: "", handle: "")
        let publicKey: Secp256k1PublicKey
        switch custody {
        case "partial":
            let password = try TerminalSecrets().secret(.password, account: name)
            try FileManager.default.createDirectory(at: directory.accountsURL, withIntermediateDirectories: true)
            let path = directory.accountsURL.appendingPathComponent("\(name).keystore").path
            let custodian = try SoftwareCustodian(creating: path, password: password)
            publicKey = try custodian.generateKey(name: name)
            record.keystore = path
        case "full":
            let password = try TerminalSecrets().secret(.password, account: name)
            publicKey = try directory.vault().createAccount(username: name, password: password, threshold: threshold)
        default:
            let pin = try TerminalSecrets().secret(.pin, account: name)
            let custodian = try PKCS11Custodian(modulePath: pkcs11Module!, tokenLabel: tokenLabel!, pin: pin)
            if let existing = try? await custodian.publicKey(for: KeyReference(keyLabel!)) {
                publicKey = existing
            } else {
                publicKey = try await custodian.generateKey(label: keyLabel!)
            }
            record.pkcs11Module = pkcs11Module
            record.tokenLabel = tokenLabel
            record.keyLabel = keyLabel
        }
        record.publicKey = Hex.encode(publicKey.compressedRepresentation)
        record.handle = MemberHandle(publicKey: publicKey).description
        try directory.save(record)

        // Public state gets the handle and custody mode only; the name and the long-term key go
        // sealed to the auditor's key of the current epoch (`specs/audit.md` §1).
        let epoch = try await chain.currentEpoch()
        let member = try MemberRecord(profile: MemberProfile(name: name, publicKey: publicKey), custody: custody,
                                      sealedTo: try directory.auditorSealingKeys(genesis: try directory.genesis(), epoch: epoch), epoch: epoch)
        let (receipt, executed) = try await global.approve(member.admission, through: chain)
        output.emit(["name": name, "custody": custody, "publicKey": record.publicKey,
                     "memberHandle": record.handle, "admitted": executed, "transactionId": receipt.transactionId.description],
                    text: """
                        Created account '\(name)' (\(custody) custody), member handle \(record.handle)
                        \(executed ? "Admitted as a member in block \(receipt.height); create its DIDs with 'didctl did create'."
                                   : "Admission approved by the operator; more committee approvals are needed.")
                        """)
    }
}
