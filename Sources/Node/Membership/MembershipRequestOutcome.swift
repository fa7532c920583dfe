/// What became of a membership request filed with a node (`POST /membership/requests`).
public enum MembershipRequestOutcome: Sendable {
    /// Filed (or already on file); its state, approvals included.
    case filed(MembershipRequestState)
    /// Refused with a chain refusal code (`specs/chain.md` §8): a bad signature, a name taken
    /// by another pending request, a member already admitted.
    case refused(code: String, reason: String)
    /// The node could not decide (its storage failed).
    case failed(String)
}
