import Node
import ArgumentParser
import Chain
import Primitives

/// `didctl audit log`: the audit queries recorded on the chain, this one included.
struct AuditLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the audit queries recorded on the chain (itself recorded as an audit query).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: AuditScopeOptions

    func run() async throws {
        if let nodeURL = global.nodeURL {
            let answer = try await AuditThroughNode.ask(AuditQuery(.log, scope: scope.scope), global: global, nodeURL: nodeURL)
            let queries = answer["queries"]?.arrayValue ?? []
            let rows = queries.map { query in
                [query["height"]?.doubleValue.map { String(UInt64($0)) } ?? "-",
                 query["time"]?.doubleValue.map { AuditReport.time(UInt64($0)) } ?? "-", query["auditor"]?.stringValue ?? "-",
                 query["query"]?.stringValue ?? "-", query["subject"]?.stringValue ?? "-", query["transactionId"]?.stringValue ?? "-"]
            }
            Output(json: global.json).emit(json: .object(answer), text: """
                \(queries.count) recorded audit quer\(queries.count == 1 ? "y" : "ies")
                \(AuditReport.rows(["HEIGHT", "TIME", "AUDITOR", "QUERY", "SUBJECT", "TRANSACTION"], rows))
                Query recorded on the chain as transaction \(answer["recordTransactionId"]?.stringValue ?? "?").
                """)
            return
        }
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
