import Node
import ArgumentParser

/// `didctl audit ...`: the auditor's privileged queries (`specs/audit.md` §5). Each one is
/// signed with the auditor's key and recorded on the chain before it is answered.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Link transactions to members, trace a member, list recorded audit queries (auditor key required).",
        discussion: """
            Run on the auditor's data directory: it needs keys/auditor.key (the envelopes' X25519 key) and \
            keys/auditor-signing.key (the key that signs queries). The private index is kept in audit/index.sqlite \
            and brought up to date before each query. Every query is recorded on the chain as an audit.query \
            transaction before it is answered, so it adds one block.
            """,
        subcommands: [AuditLinkCommand.self, AuditTraceCommand.self, AuditLogCommand.self])
}
