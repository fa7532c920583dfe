import Node
import ArgumentParser
import Chain

/// `didctl audit log`: the audit queries recorded on the chain, this one included.
struct AuditLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the audit queries recorded on the chain (itself recorded as an audit query).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: AuditScopeOptions

    func validate() throws {
        guard global.nodeURL == nil else { throw ValidationError("audit commands run on the auditor's data directory; --node is not supported.") }
    }

    func run() async throws {
        let session = try AuditorSession(directory: global.directory)
        defer { session.close() }
        let answer = try await session.ask(AuditQuery(.log, scope: scope.scope))
        guard case .log(let records) = answer.result else { throw DidctlFailure("The audit service answered another kind of query.") }
        var object = AuditReport.common(answer)
        object["queries"] = records.map(AuditReport.json)
        Output(json: global.json).emit(object, text: """
            \(records.count) recorded audit quer\(records.count == 1 ? "y" : "ies")
            \(AuditReport.table(records))
            \(AuditReport.recorded(answer))
            """)
    }
}
