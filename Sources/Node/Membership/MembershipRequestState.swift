public import Chain

/// Where a membership request stands: the applicant's name and handle, the `admitMember`
/// action the committee approves, when it was filed, and the approvals so far. The applicant's
/// key and signature are not part of it: the node checked them, and the committee needs neither.
public struct MembershipRequestState: Sendable, Hashable {
    /// The name the applicant gave.
    public let name: String
    /// The member handle the request admits.
    public let handle: MemberHandle
    /// The `admitMember` action.
    public let action: GovernanceAction
    /// When the node took it, milliseconds since 1970.
    public let filedAt: UInt64
    /// The committee member ids that approved its action so far.
    public let approvals: [String]
    /// The approvals the chain needs now.
    public let threshold: Int
    /// Whether the action executed: the applicant is a member.
    public let admitted: Bool

    /// A request's state.
    public init(name: String, handle: MemberHandle, action: GovernanceAction, filedAt: UInt64, approvals: [String], threshold: Int,
                admitted: Bool) {
        self.name = name
        self.handle = handle
        self.action = action
        self.filedAt = filedAt
        self.approvals = approvals
        self.threshold = threshold
        self.admitted = admitted
    }

    /// The proposal id of the request's action (`GET /governance/proposals/{id}`).
    public var proposalId: [UInt8] { action.proposalId }

    /// One sentence on what the request waits for, or that it is done.
    public var summary: String {
        admitted ? "'\(name)' (member \(handle)) is admitted."
            : "'\(name)' (member \(handle)) awaits committee approval: \(approvals.count) of \(threshold) approvals so far."
    }
}
