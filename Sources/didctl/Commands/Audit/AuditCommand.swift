import Node
import ArgumentParser

/// `didctl audit ...`: the auditor's privileged queries (`specs/audit.md` §5). Each one is
/// signed with the auditor's key and recorded on the chain before it is answered.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Link transactions to members, trace a member, list recorded audit queries (auditor key required).",
        discussion: """
            Run on the auditor's data directory: envelopes open with the auditor's keyring, \
            keys/auditor-master.key, whose per-epoch keys are published in auditor-epochs.json (specs/audit.md \
            §6; a directory made before per-epoch keys uses the static keys/auditor.key), and queries are \
            signed with keys/auditor-signing.key. The private index is kept in audit/index.sqlite and brought \
            up to date before each query. Every query is recorded on the chain as an audit.query transaction \
            before it is answered, so it adds one block. With --node URL, the query is signed here and \
            answered from that node's audit index.
            """,
        subcommands: [AuditLinkCommand.self, AuditTraceCommand.self, AuditLogCommand.self])
}
