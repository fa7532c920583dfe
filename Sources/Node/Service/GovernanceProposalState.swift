/// Where a governance proposal stands (`GET /governance/proposals/{id}`).
public struct GovernanceProposalState: Sendable, Hashable {
    /// The committee member ids that approved it so far.
    public let approvals: [String]
    /// Whether the threshold was reached and the action executed.
    public let executed: Bool

    /// A proposal with these approvals.
    public init(approvals: [String], executed: Bool) {
        self.approvals = approvals
        self.executed = executed
    }
}
