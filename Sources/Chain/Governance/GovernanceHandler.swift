import Primitives

/// Handles `gov.approve`: checks that the approver is a committee member and signed the
/// action, records the approval, and executes the action when approvals reach the threshold
/// in force (`specs/chain.md` §5).
public struct GovernanceHandler: TransactionHandler {
    public let type = TransactionType.governanceApproval
    private let executors: [String: any GovernanceExecutor]

    /// Creates the handler with the chain's own executor and any others.
    /// - Parameter additional: executors registered by upper modules.
    public init(additional: [any GovernanceExecutor] = []) {
        var executors: [String: any GovernanceExecutor] = [:]
        for executor in [ChainGovernanceExecutor(), AuditScopeExecutor()] + additional {
            for kind in executor.kinds { executors[kind] = executor }
        }
        self.executors = executors
    }

    /// The parsed approval, its action checked by its executor; the approver's signature is
    /// checked at apply, against the committee's keys in state.
    public func prepare(_ transaction: Transaction) throws -> GovernanceApproval {
        let approval = try GovernanceApproval(body: transaction.body)
        guard let executor = executors[approval.action.kind] else {
            throw ChainError.invalidBody("Unknown governance action '\(approval.action.kind)'; known: \(executors.keys.sorted().joined(separator: ", ")).")
        }
        try executor.validate(approval.action)
        return approval
    }

    public func apply(_ approval: GovernanceApproval, of transaction: Transaction, context: TransactionContext,
                      state: StateTransaction) throws {
        guard let member = try state.record(CommitteeMember.self, namespace: ChainNamespace.committee, key: Array(approval.approver.utf8)) else {
            throw ChainError.unauthorized("'\(approval.approver)' is not a committee member.")
        }
        let digest = approval.action.approvalDigest(chainId: context.chainId)
        guard let signature = try? Secp256k1ECDSASignature(compactRepresentation: approval.signature),
              try member.key().isValidSignature(signature, forDigest: digest) else {
            throw ChainError.unauthorized("The approval is not signed by committee member '\(approval.approver)'.")
        }
        let id = approval.action.proposalId
        var proposal = try state.record(ProposalRecord.self, namespace: ChainNamespace.proposal, key: id)
            ?? ProposalRecord(action: .object(approval.action.object), approvals: [], executed: false, executedAt: nil)
        guard !proposal.executed else {
            throw ChainError(.alreadyExists, "This action was already approved and executed; add a different 'nonce' to repeat it.")
        }
        guard !proposal.approvals.contains(approval.approver) else {
            throw ChainError(.alreadyExists, "'\(approval.approver)' has already approved this action.")
        }
        proposal.approvals.append(approval.approver)
        // Approvals of members who have since left the committee no longer count.
        let sitting = try proposal.approvals.filter {
            try state.value(namespace: ChainNamespace.committee, key: Array($0.utf8)) != nil
        }
        if sitting.count >= (try Self.threshold(in: state)) {
            guard let executor = executors[approval.action.kind] else {
                throw ChainError.invalidBody("Unknown governance action '\(approval.action.kind)'.")
            }
            try executor.execute(approval.action, context: context, state: state)
            proposal.executed = true
            proposal.executedAt = context.height
        }
        try state.put(proposal, namespace: ChainNamespace.proposal, key: id)
    }

    /// The approval threshold in force, in committed state or in a block being built.
    /// - Throws: `ChainError.corruptLedger` when state holds none.
    package static func threshold(in state: any StateReader) throws -> Int {
        guard let bytes = try state.value(namespace: ChainNamespace.config, key: Array("threshold".utf8)),
              let value = Int(String(decoding: bytes, as: UTF8.self)) else {
            throw ChainError(.corruptLedger, "The chain's threshold is missing from state.")
        }
        return value
    }
}
