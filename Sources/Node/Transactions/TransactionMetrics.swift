package import Chain
package import Metrics

/// What the node records of the transactions clients submit (`POST /transactions`), through
/// the swift-metrics API and a factory passed in (by default nothing is recorded): each
/// submission by type, each refusal by its code (`specs/chain.md` §8), and the time from
/// submission to commit.
package struct TransactionMetrics: Sendable {
    package static let submitted = "chancery_transactions_submitted_total"
    package static let refused = "chancery_transactions_refused_total"
    package static let commit = "chancery_transaction_commit_seconds"

    /// The type label of a transaction whose type this node does not handle: the type is the
    /// client's text, and each made-up one would otherwise be a series of its own.
    package static let unregisteredType = "unregistered"

    let factory: any MetricsFactory

    /// Records through `factory`.
    /// - Parameter factory: the metrics backend; the default records nothing.
    package init(factory: any MetricsFactory = NOOPMetricsHandler.instance) { self.factory = factory }

    /// Counts a decoded transaction of type `type` (a label from ``label(of:handlers:)``).
    func submitted(type: String) {
        Counter(label: Self.submitted, dimensions: [("type", type)], factory: factory).increment()
    }

    /// Counts a transaction refused with `code`, whether by the stateless checks or when ordered.
    func refused(type: String, code: String) {
        Counter(label: Self.refused, dimensions: [("type", type), ("code", code)], factory: factory).increment()
    }

    /// Records the time from a transaction's submission to its commit.
    func committed(type: String, after duration: Duration) {
        Timer(label: Self.commit, dimensions: [("type", type)], factory: factory).record(duration: duration)
    }

    /// The type label of `transaction`: its type's name when `handlers` knows it.
    static func label(of transaction: Transaction, handlers: TransactionHandlerRegistry) -> String {
        handlers.handler(for: transaction.type) == nil ? unregisteredType : transaction.type.name
    }
}
