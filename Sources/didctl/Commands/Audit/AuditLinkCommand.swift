import Node
import ArgumentParser
import Chain

/// `didctl audit link TXID`: which member submitted a transaction, recorded on the chain first.
struct AuditLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Name the member that submitted a transaction (recorded on the chain as an audit query).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: AuditScopeOptions

    @Argument(help: "The transaction id, 64 hex digits.")
    var transactionId: String

    func validate() throws {
        guard (try? TransactionID(hex: transactionId)) != nil else { throw ValidationError("TXID must be a transaction id of 64 hex digits.") }
        guard global.nodeURL == nil else { throw ValidationError("audit commands run on the auditor's data directory; --node is not supported.") }
    }

    func run() async throws {
        let session = try AuditorSession(directory: global.directory)
        defer { session.close() }
        let answer = try await session.ask(AuditQuery(.link(try TransactionID(hex: transactionId)), scope: scope.scope))
        guard case .link(let entry, let memberName) = answer.result else { throw DidctlFailure("The audit service answered another kind of query.") }
        var names = try session.names(of: entry.memberHandle)
        names.member = memberName
        let known = AuditReport.describe(names)
        Output(json: global.json).emit(
            AuditReport.common(answer).merging(AuditReport.json(entry)) { $1 }.merging(AuditReport.json(names)) { $1 },
            text: """
                Transaction \(entry.transactionId) (\(entry.type.name), block \(entry.height), \(AuditReport.time(entry.time)))
                was submitted by member \(entry.memberHandle)\(known.isEmpty ? " (no longer admitted)" : " (\(known))").
                \(AuditReport.recorded(answer))
                """)
    }
}
