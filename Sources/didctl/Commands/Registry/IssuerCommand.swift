import Node
import ArgumentParser
import Chain
import Credentials
import DID
import Primitives

/// `didctl issuer …`: the authority-issuer registry.
struct IssuerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issuer", abstract: "Apply for, approve (k-of-n), revoke and list issuer accreditations.",
        subcommands: [IssuerApplyCommand.self, IssuerApproveCommand.self, IssuerRevokeCommand.self, IssuerListCommand.self])
}

/// CPT numbers from `--cpt` values that are numbers or full CPT ids.
private func cptNumbers(_ values: [String]) throws -> [UInt64] {
    try values.map { value in
        if let number = UInt64(value) { return number }
        guard let id = try? CPTIdentifier(parsing: value) else { throw ValidationError("--cpt takes a CPT number or id, not '\(value)'.") }
        return id.number
    }
}

/// `didctl issuer apply --account NAME --name TEXT --cpt N...`.
struct IssuerApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "Apply, as the account's DID, to issue credentials of some CPTs.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The applying account.") var account: String
    @Option(help: "The issuer's public name.") var name: String
    @Option(help: "A CPT number or id to be accredited for (repeatable).") var cpt: [String]

    func run() async throws {
        let chain = try await global.chain()
        defer { chain.close() }
        let directory = global.directory
        let (did, _, custody) = try await chain.credentialSigner(custody: try await directory.custodian(for: try directory.account(account)))
        let receipt = try await chain.submitCredentialOperation(
            .issuerApply, did: did, payload: CredentialLedgerPayload.issuerApplication(name: name, schemas: try cptNumbers(cpt)), signer: custody)
        Output(json: global.json).emit(["did": did.description, "transactionId": receipt.transactionId.description],
                                       text: "\(did) applied; the committee approves with `didctl issuer approve \(did) --cpt …`.")
    }
}

/// `didctl issuer approve DID --cpt N...`: this committee member's approval.
struct IssuerApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve an issuer's accreditation (each committee member runs it; k-of-n).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var committee: CommitteeOptions
    @Argument(help: "The applicant's DID.") var did: String
    @Option(help: "A CPT number or id to accredit for (repeatable).") var cpt: [String]

    func run() async throws {
        let issuer: DID
        do { issuer = try DID(parsing: did) } catch let error as DIDError { throw ValidationError(error.reason) }
        let chain = try await global.chain()
        defer { chain.close() }
        let (receipt, executed) = try await global.approve(IssuerRegistryExecutor.accreditation(of: issuer, schemas: try cptNumbers(cpt)), through: chain,
                                                           as: committee.approver)
        Output(json: global.json).emit(["did": did, "executed": executed, "transactionId": receipt.transactionId.description],
                                       text: executed ? "\(did) is accredited." : "Approval recorded; more committee approvals are needed.")
    }
}

/// `didctl issuer revoke DID [--cpt N...]`.
struct IssuerRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Approve revoking an issuer's accreditation (all CPTs unless --cpt).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var committee: CommitteeOptions
    @Argument(help: "The issuer's DID.") var did: String
    @Option(help: "A CPT number or id (repeatable); none = all.") var cpt: [String] = []

    func run() async throws {
        let issuer: DID
        do { issuer = try DID(parsing: did) } catch let error as DIDError { throw ValidationError(error.reason) }
        let chain = try await global.chain()
        defer { chain.close() }
        let schemas = cpt.isEmpty ? nil : try cptNumbers(cpt)
        let (receipt, executed) = try await global.approve(IssuerRegistryExecutor.revocation(of: issuer, schemas: schemas), through: chain,
                                                           as: committee.approver)
        Output(json: global.json).emit(["did": did, "executed": executed, "transactionId": receipt.transactionId.description],
                                       text: executed ? "\(did)'s accreditation is revoked." : "Approval recorded; more committee approvals are needed.")
    }
}

/// `didctl issuer list`.
struct IssuerListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List issuers, their applications and current accreditations.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let chain = try await global.chain(.read)
        defer { chain.close() }
        let issuers = try await chain.issuers()
        let rows: [[String: Any]] = issuers.map {
            ["did": $0.did.description, "name": $0.name, "applied": $0.appliedSchemas.map(Int.init), "accredited": $0.currentlyAccredited.map(Int.init)]
        }
        let text = issuers.isEmpty ? "No issuers." : issuers.map {
            "\($0.did)  \($0.name)  accredited: \($0.currentlyAccredited.map(String.init).joined(separator: ",").ifEmpty("none"))"
        }.joined(separator: "\n")
        Output(json: global.json).emit(["issuers": rows], text: text)
    }
}

private extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
