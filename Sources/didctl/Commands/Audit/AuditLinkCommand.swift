import Node
import ArgumentParser
import Chain
import Primitives

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
    }

    func run() async throws {
        if let nodeURL = global.nodeURL {
            let answer = try await AuditThroughNode.ask(AuditQuery(.link(try TransactionID(hex: transactionId)), scope: scope.scope),
                                                        global: global, nodeURL: nodeURL)
            let handle = answer["memberHandle"]?.stringValue ?? "?"
            let account = (try? global.directory.accounts())?.first { $0.handle.lowercased() == handle }?.name
            let known = [answer["memberName"]?.stringValue.map { "member '\($0)'" }, account.map { "account '\($0)'" }].compactMap { $0 }
            Output(json: global.json).emit(json: .object(answer), text: """
                Transaction \(transactionId) (\(answer["type"]?.stringValue ?? "?"), block \(answer["height"]?.doubleValue.map { String(UInt64($0)) } ?? "?"))
                was submitted by member \(handle)\(known.isEmpty ? "" : " (\(known.joined(separator: ", ")))").
                Query recorded on the chain as transaction \(answer["recordTransactionId"]?.stringValue ?? "?").
                """)
            return
        }
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
