import Node
import ArgumentParser
import Chain
import Credentials
import DID
import Primitives

/// `didctl authorize …`: data-authorization records a holder grants and revokes on the chain.
struct AuthorizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorize", abstract: "Grant, revoke and check data authorizations.",
        subcommands: [AuthorizeGrantCommand.self, AuthorizeRevokeCommand.self, AuthorizeCheckCommand.self])
}

/// `didctl authorize grant --account HOLDER --grantee DID --scope S... --purpose P [--days N]`.
struct AuthorizeGrantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Grant a DID access to a scope for a purpose and a period; prints the grant id.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The holder's account; its DID signs the grant.") var account: String
    @Option(help: "The grantee's DID.") var grantee: String
    @Option(help: "A CPT id or resource URI the grant covers (repeatable).") var scope: [String]
    @Option(help: "Why the grantee may access it.") var purpose: String
    @Option(help: "Validity in days from now.") var days: Int = 30

    func validate() throws {
        guard !scope.isEmpty else { throw ValidationError("Give at least one --scope.") }
        guard days > 0 else { throw ValidationError("--days must be positive.") }
    }

    func run() async throws {
        let granteeDID: DID
        do { granteeDID = try DID(parsing: grantee) } catch let error as DIDError { throw ValidationError(error.reason) }
        let chain = try await global.chain()
        defer { chain.close() }
        let directory = global.directory
        let (did, _, custody) = try await chain.credentialSigner(custody: try await directory.custodian(for: try directory.account(account)))
        let id = SecureRandom.bytes(count: 16)
        let now = chain.clock.nowMilliseconds()
        let payload = CredentialLedgerPayload.authorizationGrant(id: id, grantee: granteeDID, scope: scope, purpose: purpose,
                                                                 validFrom: now, validUntil: now + UInt64(days) * 86_400_000)
        let receipt = try await chain.submitCredentialOperation(.authorizationGrant, did: did, payload: payload, signer: custody)
        Output(json: global.json).emit(["id": Hex.encode(id), "holder": did.description, "grantee": grantee,
                                        "transactionId": receipt.transactionId.description], text: Hex.encode(id))
    }
}

/// `didctl authorize revoke ID --account HOLDER`.
struct AuthorizeRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a grant you made.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The grant id (hex).") var id: String
    @Option(help: "The holder's account that made the grant.") var account: String

    func run() async throws {
        guard let grant = try? Hex.decode(id), grant.count == 16 else { throw ValidationError("A grant id is 32 hex digits.") }
        let chain = try await global.chain()
        defer { chain.close() }
        let directory = global.directory
        let (did, _, custody) = try await chain.credentialSigner(custody: try await directory.custodian(for: try directory.account(account)))
        let receipt = try await chain.submitCredentialOperation(
            .authorizationRevoke, did: did, payload: CredentialLedgerPayload.authorizationRevocation(id: grant), signer: custody)
        Output(json: global.json).emit(["id": id, "transactionId": receipt.transactionId.description], text: "Revoked grant \(id).")
    }
}

/// `didctl authorize check ID --grantee-account NAME --scope S`: the grantee proves it holds
/// its DID's key by signing a fresh nonce, and the grant is checked on the chain.
struct AuthorizeCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check a grant: the grantee signs a fresh nonce; exit 0 only if granted.",
        discussion: "A copied grant is useless to anyone else: the check needs the grantee DID's current authentication key.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The grant id (hex).") var id: String
    @Option(help: "The grantee's account, which signs the nonce.") var granteeAccount: String
    @Option(help: "The scope item to access.") var scope: String

    func run() async throws {
        guard let grant = try? Hex.decode(id), grant.count == 16 else { throw ValidationError("A grant id is 32 hex digits.") }
        let chain = try await global.chain(.read)
        defer { chain.close() }
        let custody = try await global.directory.custodian(for: try global.directory.account(granteeAccount))
        let grantee = try custody.primaryDID()
        let key = try custody.signer(for: grantee, document: try await chain.currentDIDState(of: grantee).document)
        let check = AuthorizationCheck(grantId: grant, scopeItem: scope, nonce: try await chain.authorizationNonce())
        let signature = try await check.signature(chainId: chain.chainId, custodian: key.custodian, key: key.key)
        let verdict = try await chain.checkAuthorization(check, signature: signature)
        Output(json: global.json).emit(["id": id, "scope": scope, "granted": verdict.isGranted, "verdict": "\(verdict)"],
                                       text: verdict.isGranted ? "Granted: \(scope)." : "Not granted: \(verdict).")
        if !verdict.isGranted { throw DidctlFailure("The grant does not authorize this access: \(verdict).") }
    }
}
