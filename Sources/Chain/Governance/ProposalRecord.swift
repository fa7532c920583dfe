import Primitives

/// A governance proposal's progress: who approved, and whether it has executed.
struct ProposalRecord: StateRecord {
    var action: JSONValue
    var approvals: [String]
    var executed: Bool
    var executedAt: UInt64?
}
