/// Carries out governance actions of some kinds once the committee has approved them. The
/// chain registers its own (members, nodes, auditors, committee, threshold); upper modules
/// register theirs (accrediting issuers).
public protocol GovernanceExecutor: Sendable {
    /// The action kinds this executor handles.
    var kinds: [String] { get }

    /// Checks an action's parameters without state, before any approval is counted.
    /// - Throws: `ChainError.invalidBody` naming the bad parameter.
    func validate(_ action: GovernanceAction) throws

    /// Applies an approved action.
    /// - Throws: a refusal that leaves state unchanged.
    func execute(_ action: GovernanceAction, context: TransactionContext, state: StateTransaction) throws
}
