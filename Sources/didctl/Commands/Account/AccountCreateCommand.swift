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
        abstract: "Create a member account and file its membership request (approved by the committee).",
        discussion: """
            full:    the key is generated and split 3-of-5 across the vault nodes; password from \
            CHANCERY_PASSWORD or a prompt.
            partial: the key is generated into an encrypted keystore that the member keeps; password \
            from CHANCERY_PASSWORD or a prompt.
            hsm:     the key stays in a PKCS#11 token (generated there if the label is new); PIN from \
            CHANCERY_PKCS11_PIN or a prompt.
            The account files a membership request (with --node, through that running node); a \
            committee member approves it with 'didctl account approve NAME'. Where this data \
            directory holds a committee key (the operator's, or --approver's), it approves at once. \
            The account writes once admitted; run create again to see where its request stands.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var committee: CommitteeOptions

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

    @Option(help: "full: shares needed to recover the key (default: 3 of the five local vault nodes, or the threshold of the vault's peer list).")
    var threshold: Int?

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
        // Before the keystore is written: an account refused by a busy directory leaves nothing
        // behind. Through a node, the node holds the ledger and nothing here is locked.
        if global.nodeURL == nil { try directory.lockForWriting() }
        let chain = try await global.chain()
        defer { chain.close() }
        let record: AccountRecord, member: CustodyKey
        if let existing = try? directory.account(name) {
            // An earlier create whose request did not reach the committee: the same keys ask again.
            guard existing.custody == custody else {
                throw DidctlFailure("An account named '\(name)' already exists with \(existing.custody) custody.")
            }
            record = existing
            member = try await directory.custodian(for: existing).member
        } else {
            (record, member) = try await createKeys(in: directory)
        }
        let sealing = try directory.auditorSealingKeys(genesis: try directory.genesis(), epoch: try await chain.currentEpoch())
        var state: MembershipRequestState
        do {
            state = try await chain.fileMembershipRequest(name: name, custody: custody, member: member, auditorKeys: sealing)
        } catch let error as ChainError where error.code == .alreadyExists && error.reason.contains("already admitted") {
            // Running create again on a member says so, as it says where a pending request stands.
            output.emit(["name": name, "custody": custody, "publicKey": record.publicKey, "memberHandle": record.handle, "admitted": true],
                        text: "Account '\(name)' (\(custody) custody), member handle \(record.handle), is already a member.")
            return
        }
        // A directory holding a committee key approves its own applicant at once.
        var transactionId: String?
        if !state.admitted, directory.holdsCommitteeKey(committee.approver), !state.approvals.contains(committee.approver) {
            let (approver, key) = try directory.committeeKey(committee.approver)
            let approved = try await chain.approveMembership(name: name, approver: approver, committeeKey: key,
                                                             carrier: try directory.operatorMember())
            state = approved.state
            transactionId = approved.receipt.transactionId.description
        }
        var json: [String: Any] = ["name": name, "custody": custody, "publicKey": record.publicKey, "memberHandle": record.handle,
                                   "admitted": state.admitted, "approvals": state.approvals, "threshold": state.threshold]
        json["transactionId"] = transactionId
        output.emit(json, text: """
            Account '\(name)' (\(custody) custody), member handle \(record.handle)
            \(state.admitted ? "Admitted as a member; create its DIDs with 'didctl did create --account \(name)'."
                            : "Membership request filed: \(state.approvals.count) of \(state.threshold) committee approvals; "
                              + "each committee member approves with 'didctl account approve \(name)'.")
            """)
    }

    /// Creates the account's long-term key in its custody mode and saves the account's record.
    private func createKeys(in directory: DataDirectory) async throws -> (AccountRecord, CustodyKey) {
        var record = AccountRecord(name: name, custody: custody, publicKey: "", handle: "")
        let publicKey: Secp256k1PublicKey, member: CustodyKey
        switch custody {
        case "partial":
            let password = try TerminalSecrets().secret(.password, account: name)
            try FileManager.default.createDirectory(at: directory.accountsURL, withIntermediateDirectories: true)
            let path = directory.accountsURL.appendingPathComponent("\(name).keystore").path
            let custodian = try SoftwareCustodian(creating: path, password: password)
            publicKey = try custodian.generateKey(name: name)
            record.keystore = path
            member = (custodian, record.memberKey)
        case "full":
            let password = try TerminalSecrets().secret(.password, account: name)
            let vault = try directory.vault()
            publicKey = try await vault.createAccount(username: name, password: password, threshold: threshold)
            let custodian = VaultCustodian(vault: vault)
            try await custodian.unlock(record.memberKey, password: password)
            member = (custodian, record.memberKey)
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
            member = (custodian, record.memberKey)
        }
        record.publicKey = Hex.encode(publicKey.compressedRepresentation)
        record.handle = MemberHandle(publicKey: publicKey).description
        try directory.save(record)
        return (record, member)
    }
}
