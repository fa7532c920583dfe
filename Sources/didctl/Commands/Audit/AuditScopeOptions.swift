import Node
import ArgumentParser
import Chain
import Foundation

/// `--from`, `--to` and `--type`: a query scope narrower than the auditor's (`specs/audit.md` §4).
struct AuditScopeOptions: ParsableArguments {
    @Option(help: "Only transactions in blocks at or after this time (RFC 3339, e.g. 2025-11-21T00:00:00Z).")
    var from: String?

    @Option(help: "Only transactions in blocks before this time (RFC 3339).")
    var to: String?

    @Option(name: .customLong("type"), help: "Only transactions of this type, e.g. did.create (repeatable).")
    var types: [String] = []

    func validate() throws {
        let (lower, upper) = (try from.map { try Self.milliseconds($0, option: "--from") },
                              try to.map { try Self.milliseconds($0, option: "--to") })
        if let lower, let upper, lower > upper { throw ValidationError("--from must not be later than --to.") }
        if types.contains(where: \.isEmpty) { throw ValidationError("--type needs a transaction type name such as did.create.") }
    }

    /// The scope asked for, or `nil` when no option narrows it (the auditor's whole scope).
    var scope: AuditorScope? {
        guard from != nil || to != nil || !types.isEmpty else { return nil }
        return AuditorScope(from: from.flatMap { try? Self.milliseconds($0, option: "--from") },
                            to: to.flatMap { try? Self.milliseconds($0, option: "--to") },
                            types: types.isEmpty ? nil : types.map { TransactionType($0) })
    }

    /// An RFC 3339 time as milliseconds since 1970, the unit of block times.
    static func milliseconds(_ text: String, option: String) throws -> UInt64 {
        let formatter = ISO8601DateFormatter()
        var date = formatter.date(from: text)
        if date == nil {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            date = formatter.date(from: text)
        }
        guard let date, date.timeIntervalSince1970 >= 0, date.timeIntervalSince1970 * 1000 <= Double(1 << 53) else {
            throw ValidationError("\(option) must be an RFC 3339 time after 1970, such as 2025-11-21T09:30:00Z.")
        }
        return UInt64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
