import ArgumentParser
import Chain
import Foundation
import Node
import Primitives

/// `didctl account requests`: the membership requests awaiting the committee, read as a
/// committee member (the node shows applicants' names to the committee only).
struct AccountRequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "List the membership requests awaiting committee approval (committee members only).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var committee: CommitteeOptions

    func run() async throws {
        let directory = global.directory
        let (approver, key) = try directory.committeeKey(committee.approver)
        let chain = try await global.chain(.read)
        defer { chain.close() }
        let pending = try await chain.pendingMembershipRequests(approver: approver, committeeKey: key)
        let rows: [[String: Any]] = pending.map {
            ["name": $0.name, "memberHandle": $0.handle.description, "custody": $0.action.object["custody"]?.stringValue ?? "",
             "approvals": $0.approvals, "threshold": $0.threshold, "filedAt": $0.filedAt, "proposalId": Hex.encode($0.proposalId)]
        }
        let text = pending.isEmpty ? "No membership requests await approval."
            : pending.map { "\($0.name)  \($0.handle)  \($0.approvals.count) of \($0.threshold) approvals"
                + ($0.approvals.isEmpty ? "" : " (\($0.approvals.joined(separator: ", ")))") }.joined(separator: "\n")
        Output(json: global.json).emit(["requests": rows], text: text)
    }
}
