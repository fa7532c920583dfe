import Node
import ArgumentParser
import Chain
import DID
import Foundation
import KeyCustody

/// `didctl account delegate NAME --to DID --purpose recovery|operations`: the account grants a
/// delegate the right to act for its DID under the delegate's own rate limit
/// (`specs/custody.md` "Delegated accounts"); prints the delegation id.
struct AccountDelegateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delegate",
        abstract: "Let a delegate act for this account's DID (recovery or operations); prints the delegation id.",
        discussion: """
            operations: service and other non-key changes; recovery: key changes and deactivation. The \
            delegate acts with 'didctl did update DID --account DELEGATE --delegation ID'.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The delegating account; its (first) did:chancery DID is the one the delegate may change.")
    var name: String

    @Option(help: "The delegate's DID (a did:chancery DID of this chain, or a secp256k1 did:key).")
    var to: String

    @Option(help: "recovery or operations (repeatable).")
    var purpose: [String]

    @Option(help: "The delegate's rate limit, as \(RateLimitArgument.help).")
    var rate = RateLimitArgument(count: 10, perMilliseconds: 86_400_000)

    @Option(help: "When the delegation ends, as an RFC 3339 time such as 2026-06-30T00:00:00Z (default: in 30 days).")
    var until: String?

    func validate() throws {
        guard (try? DID(parsing: to)) != nil else { throw ValidationError("--to needs a DID; '\(to)' is not one.") }
        for name in purpose where (try? DelegationPurpose(name: name)) == nil {
            throw ValidationError("--purpose must be recovery or operations, not '\(name)'.")
        }
        if let until, DIDDateTime(parsing: until) == nil {
            throw ValidationError("--until must be an RFC 3339 date-time with a zone, such as 2026-06-30T00:00:00Z.")
        }
    }

    func run() async throws {
        let directory = global.directory
        let chain = try await global.chain()
        defer { chain.close() }
        let custody = try await directory.custodian(for: try directory.account(name))
        let delegator = try custody.primaryDID()
        let signer = try custody.signer(for: delegator, document: try await chain.currentDIDState(of: delegator).document)
        let publicKey = try await signer.custodian.publicKey(for: signer.key)
        let now = chain.clock.nowMilliseconds()
        let validUntil = until.flatMap(DIDDateTime.init(parsing:)).map { UInt64(max(0, $0.secondsSince1970)) * 1000 }
            ?? now + 30 * 86_400_000
        let terms = try DelegationTerms(delegator: delegator.description, delegatorKey: publicKey, delegate: to,
                                        purposes: try purpose.map(DelegationPurpose.init(name:)),
                                        rateLimit: try DelegationRateLimit(count: rate.count, perMilliseconds: rate.perMilliseconds),
                                        validUntil: validUntil, time: now)
        let grant = try await DelegationGrant.signed(terms, chainId: chain.chainId, custodian: signer.custodian, key: signer.key)
        let receipt = try await chain.submit(type: .delegationGrant, body: try grant.body(), member: custody.member)
        let id = try terms.id().description
        let until = DIDDateTime(secondsSince1970: Int64(validUntil / 1000)).description
        Output(json: global.json).emit(
            ["id": id, "delegator": delegator.description, "delegate": to, "purposes": terms.purposes.map(\.name),
             "rateLimit": ["count": rate.count, "perMilliseconds": rate.perMilliseconds], "validUntil": until,
             "transactionId": receipt.transactionId.description, "height": receipt.height],
            text: """
                Delegation \(id)
                  \(to) may act for \(delegator) (\(terms.purposes.map(\.name).joined(separator: ", "))), \
                \(rate.count) per \(rate.perMilliseconds) ms, until \(until); granted in block \(receipt.height).
                """)
    }
}
