/// The answer to an audit query, given only after the query was recorded on the chain.
public struct AuditAnswer: Sendable, Hashable {
    /// What each kind of query returns.
    public enum Result: Sendable, Hashable {
        /// The transaction's entry, and the member's name if it is still admitted.
        case link(AuditEntry, memberName: String?)
        /// The member's transactions within the scope, in ledger order.
        case trace([AuditEntry])
        /// The recorded audit queries within the scope, in ledger order, this one included.
        case log([AuditQueryRecord])
    }

    /// The request answered.
    public let request: SignedAuditRequest
    /// Where the `audit.query` transaction that records the request was committed.
    public let record: TransactionReceipt
    /// The scope the answer was limited to.
    public let scope: AuditorScope
    /// The answer.
    public let result: Result

    /// Creates an answer.
    public init(request: SignedAuditRequest, record: TransactionReceipt, scope: AuditorScope, result: Result) {
        self.request = request
        self.record = record
        self.scope = scope
        self.result = result
    }
}
