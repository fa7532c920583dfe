import Node
import ArgumentParser
import Chain
import Primitives

/// `didctl audit trace ACCOUNT|DID|HANDLE`: every transaction of one member, recorded on the
/// chain first. For a DID, the member is the submitter of its `did.create` transaction, found
/// by a `link` query that is recorded too (two audit records).
struct AuditTraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "List every transaction of a member (recorded on the chain as an audit query).",
        discussion: """
            MEMBER is an account of this data directory, a member name on the chain, a 64-hex member handle, or a \
            did:chancery DID (the member that submitted its did.create transaction; this first records a link query).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: AuditScopeOptions

    @Argument(help: "An account name, member name, member handle or did:chancery DID.")
    var member: String

    func run() async throws {
        if let nodeURL = global.nodeURL {
            let handle = try AuditThroughNode.handle(member, directory: global.directory)
            let answer = try await AuditThroughNode.ask(AuditQuery(.trace(handle), scope: scope.scope), global: global, nodeURL: nodeURL)
            let entries = answer["entries"]?.arrayValue ?? []
            Output(json: global.json).emit(json: .object(answer), text: """
                Member \(handle)\((try? global.directory.account(member)).map { " (account '\($0.name)')" } ?? ""): \(entries.count) transaction\(entries.count == 1 ? "" : "s")
                \(entries.isEmpty ? "(none in scope)" : AuditThroughNode.table(entries))
                Query recorded on the chain as transaction \(answer["recordTransactionId"]?.stringValue ?? "?") in block \(answer["recordHeight"]?.doubleValue.map { String(UInt64($0)) } ?? "?").
                """)
            return
        }
        let session = try AuditorSession(directory: global.directory)
        defer { session.close() }
        let (handle, link) = try await session.member(named: member)
        let answer = try await session.ask(AuditQuery(.trace(handle), scope: scope.scope))
        guard case .trace(let entries) = answer.result else { throw DidctlFailure("The audit service answered another kind of query.") }
        let names = try session.names(of: handle)
        var object = AuditReport.common(answer).merging(AuditReport.json(names)) { $1 }
        object["memberHandle"] = handle.description
        object["entries"] = entries.map(AuditReport.json)
        if let link {
            object["did"] = member
            object["linkRecordTransactionId"] = link.record.transactionId.description
        }
        let known = AuditReport.describe(names)
        let via = link.map { "\(member) was created by member \(handle); link query recorded as transaction \($0.record.transactionId).\n" } ?? ""
        Output(json: global.json).emit(object, text: """
            \(via)Member \(handle)\(known.isEmpty ? "" : " (\(known))"): \(entries.count) transaction\(entries.count == 1 ? "" : "s")
            \(entries.isEmpty ? "(none in scope)" : AuditReport.table(entries))
            \(AuditReport.recorded(answer))
            """)
    }
}
