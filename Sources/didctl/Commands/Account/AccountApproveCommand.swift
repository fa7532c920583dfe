import ArgumentParser
import Chain
import Node

/// `didctl account approve NAME`: a committee member's approval of a pending membership
/// request; the applicant is admitted when approvals reach the threshold (k-of-n).
struct AccountApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a pending membership request (k-of-n: each committee member runs this).",
        discussion: "List the pending requests with 'didctl account requests'.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var committee: CommitteeOptions

    @Argument(help: "The applicant's name, as its membership request gives it.")
    var name: String

    func run() async throws {
        let directory = global.directory
        let (approver, key) = try directory.committeeKey(committee.approver)
        let chain = try await global.chain()
        defer { chain.close() }
        let (receipt, state) = try await chain.approveMembership(name: name, approver: approver, committeeKey: key,
                                                                 carrier: try directory.operatorMember())
        Output(json: global.json).emit(
            ["name": name, "memberHandle": state.handle.description, "admitted": state.admitted, "approvals": state.approvals,
             "threshold": state.threshold, "transactionId": receipt.transactionId.description, "height": receipt.height],
            text: state.admitted ? "'\(name)' is admitted as member \(state.handle) (block \(receipt.height))."
                                 : "Approval recorded in block \(receipt.height): \(state.approvals.count) of \(state.threshold); "
                                   + "more committee approvals are needed.")
    }
}
