import Node
public import Chain
public import Primitives

extension AuditAnswer {
    /// The answer as the `/audit` endpoints return it: the kind, the scope, where the query
    /// itself was recorded, and the entries (times in milliseconds since 1970).
    public var jsonValue: JSONValue {
        var object: JSONObject = ["kind": .string(request.query.name), "auditor": .string(request.auditor),
                                  "scope": .object(scope.json), "recordTransactionId": .string(record.transactionId.description),
                                  "recordHeight": .number(Double(record.height))]
        switch result {
        case .link(let entry, let memberName):
            for (key, value) in Self.json(entry) { object[key] = value }
            if let memberName { object["memberName"] = .string(memberName) }
        case .trace(let entries):
            if case .trace(let handle) = request.query.kind { object["memberHandle"] = .string(handle.description) }
            object["entries"] = .array(entries.map { .object(Self.json($0)) })
        case .log(let records):
            object["queries"] = .array(records.map { .object(Self.json($0)) })
        }
        return .object(object)
    }

    private static func json(_ entry: AuditEntry) -> JSONObject {
        ["transactionId": .string(entry.transactionId.description), "memberHandle": .string(entry.memberHandle.description),
         "height": .number(Double(entry.height)), "index": .number(Double(entry.index)), "type": .string(entry.type.name),
         "epoch": .number(Double(entry.epoch)), "time": .number(Double(entry.time))]
    }

    private static func json(_ record: AuditQueryRecord) -> JSONObject {
        var object: JSONObject = ["transactionId": .string(record.transactionId.description), "height": .number(Double(record.height)),
                                  "index": .number(Double(record.index)), "time": .number(Double(record.time)),
                                  "auditor": .string(record.request.auditor), "query": .string(record.request.query.name),
                                  "requestTime": .number(Double(record.request.time))]
        switch record.request.query.kind {
        case .link(let id): object["subject"] = .string(id.description)
        case .trace(let handle): object["subject"] = .string(handle.description)
        case .log: break
        }
        return object
    }
}
