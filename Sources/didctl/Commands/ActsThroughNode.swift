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
        return "This command does not act through a node yet: leave out --node and run it on the node's data directory "
            + "while the node is stopped. Commands that take --node: " + commands.joined(separator: ", ") + "."
    }

    /// The `--node` value of a parsed command, found through its `GlobalOptions` group (directly
    /// on the command, or inside a shared option group such as revoke's).
    private static func nodeURL(of command: any ParsableCommand) -> String? {
        globalOptions(in: command, depth: 0)?.nodeURL
    }

    private static func globalOptions(in value: Any, depth: Int) -> GlobalOptions? {
        if let group = value as? OptionGroup<GlobalOptions> { return group.wrappedValue }
        if let options = value as? GlobalOptions { return options }
        guard depth < 6 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let found = globalOptions(in: child.value, depth: depth + 1) { return found }
        }
        return nil
    }
}
