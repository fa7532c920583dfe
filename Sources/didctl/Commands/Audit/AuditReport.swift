import Node
import Chain
import Foundation

/// How audit answers are printed: JSON objects for `--json`, tables for people.
enum AuditReport {
    /// The members every answer carries: its kind, scope and the query's own record on the chain.
    static func common(_ answer: AuditAnswer) -> [String: Any] {
        var scope: [String: Any] = [:]
        if let from = answer.scope.from { scope["from"] = from }
        if let to = answer.scope.to { scope["to"] = to }
        if let types = answer.scope.types { scope["types"] = types.map(\.name) }
        return ["kind": answer.request.query.name, "auditor": answer.request.auditor, "scope": scope,
                "recordTransactionId": answer.record.transactionId.description, "recordHeight": answer.record.height]
    }

    static func json(_ entry: AuditEntry) -> [String: Any] {
        ["transactionId": entry.transactionId.description, "memberHandle": entry.memberHandle.description, "height": entry.height,
         "index": entry.index, "type": entry.type.name, "epoch": entry.epoch, "time": entry.time, "timeISO": time(entry.time)]
    }

    static func json(_ record: AuditQueryRecord) -> [String: Any] {
        var object: [String: Any] = ["transactionId": record.transactionId.description, "height": record.height, "index": record.index,
                                     "time": record.time, "timeISO": time(record.time), "auditor": record.request.auditor,
                                     "query": record.request.query.name, "requestTime": record.request.time]
        object["subject"] = subject(of: record.request.query)
        return object
    }

    static func json(_ names: AuditorSession.MemberNames) -> [String: Any] {
        var object: [String: Any] = [:]
        if let member = names.member { object["memberName"] = member }
        if let account = names.account { object["account"] = account }
        return object
    }

    /// What a recorded query asked about: a transaction id, a member handle, or nothing for a log.
    static func subject(of query: AuditQuery) -> String? {
        switch query.kind {
        case .link(let id): id.description
        case .trace(let handle): handle.description
        case .log: nil
        }
    }

    static func describe(_ names: AuditorSession.MemberNames) -> String {
        [names.member.map { "member '\($0)'" }, names.account.map { "account '\($0)'" }].compactMap { $0 }.joined(separator: ", ")
    }

    static func table(_ entries: [AuditEntry]) -> String {
        rows(["HEIGHT", "INDEX", "TIME", "TYPE", "TRANSACTION"],
             entries.map { ["\($0.height)", "\($0.index)", time($0.time), $0.type.name, $0.transactionId.description] })
    }

    static func table(_ records: [AuditQueryRecord]) -> String {
        rows(["HEIGHT", "TIME", "AUDITOR", "QUERY", "SUBJECT", "TRANSACTION"],
             records.map { ["\($0.height)", time($0.time), $0.request.auditor, $0.request.query.name,
                            subject(of: $0.request.query) ?? "-", $0.transactionId.description] })
    }

    static func recorded(_ answer: AuditAnswer) -> String {
        "Query recorded on the chain as transaction \(answer.record.transactionId) in block \(answer.record.height)."
    }

    static func time(_ milliseconds: UInt64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    static func rows(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { $0.offset == row.count - 1 ? $0.element : $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
