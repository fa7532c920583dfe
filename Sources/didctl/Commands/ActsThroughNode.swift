import Node
import ArgumentParser

/// A command that honours `--node URL` (CONTRACT.md, global options) by asking a running node
/// over HTTP instead of opening the data directory. Every other command refuses `--node`
/// rather than quietly acting on a local ledger the user did not mean.
protocol ActsThroughNode {}

extension CredentialVerifyCommand: ActsThroughNode {}
extension PresentationChallengeCommand: ActsThroughNode {}
extension PresentationVerifyCommand: ActsThroughNode {}
extension DIDResolveCommand: ActsThroughNode {}
extension ChainInfoCommand: ActsThroughNode {}
extension DIDCreateCommand: ActsThroughNode {}
extension DIDUpdateCommand: ActsThroughNode {}
extension DIDDeactivateCommand: ActsThroughNode {}
extension CPTRegisterCommand: ActsThroughNode {}
extension CPTShowCommand: ActsThroughNode {}
extension CredentialRevokeCommand: ActsThroughNode {}
extension CredentialSuspendCommand: ActsThroughNode {}
extension CredentialReinstateCommand: ActsThroughNode {}
extension NodeAdmitCommand: ActsThroughNode {}
extension AccountCreateCommand: ActsThroughNode {}
extension CredentialIssueCommand: ActsThroughNode {}
extension AuditTraceCommand: ActsThroughNode {}
extension AuthorizeGrantCommand: ActsThroughNode {}
extension AuthorizeRevokeCommand: ActsThroughNode {}
extension PresentationCreateCommand: ActsThroughNode {}
extension ChainBlocksCommand: ActsThroughNode {}
extension AuditLinkCommand: ActsThroughNode {}
extension AuditLogCommand: ActsThroughNode {}
extension IssuerApplyCommand: ActsThroughNode {}
extension IssuerApproveCommand: ActsThroughNode {}
extension IssuerRevokeCommand: ActsThroughNode {}
extension AccountApproveCommand: ActsThroughNode {}
extension AccountRequestsCommand: ActsThroughNode {}
extension AuthorizeCheckCommand: ActsThroughNode {}
extension IssuerListCommand: ActsThroughNode {}
extension AccountDelegateCommand: ActsThroughNode {}
extension AccountRevokeDelegationCommand: ActsThroughNode {}

enum NodeOption {
    /// The commands that take `--node`, as a user types them.
    static let commands = ["credential verify", "presentation challenge", "presentation verify", "did resolve", "did create", "did update",
                           "did deactivate", "cpt register", "cpt show", "issuer apply", "issuer approve", "issuer revoke", "issuer list", "credential revoke", "credential suspend", "credential reinstate", "node admit", "account create", "account approve", "account requests", "account delegate", "account revoke-delegation", "authorize check", "credential issue", "audit trace", "audit link", "audit log", "authorize grant", "authorize revoke", "presentation create", "chain info", "chain blocks"]

    /// Why `command` cannot run: it was given `--node` but acts only on a data directory.
    static func refusal(of command: any ParsableCommand) -> String? {
        guard !(command is any ActsThroughNode), nodeURL(of: command) != nil else { return nil }
        return "This command acts on a data directory only: leave out --node and run it there (one that writes waits for "
            + "the node to stop). Commands that take --node: " + commands.joined(separator: ", ") + "."
    }

    /// The `--node` value of a parsed command, found through its options group (directly on the
    /// command, or inside a shared option group such as revoke's).
    private static func nodeURL(of value: Any, depth: Int = 0) -> String? {
        if let group = value as? OptionGroup<GlobalOptions> { return group.wrappedValue.nodeURL }
        if let group = value as? OptionGroup<LocalOptions> { return group.wrappedValue.nodeURL }
        guard depth < 6 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let found = nodeURL(of: child.value, depth: depth + 1) { return found }
        }
        return nil
    }
}
