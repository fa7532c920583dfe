/// The handlers a node knows, by transaction type; fixed before the node starts.
public struct TransactionHandlerRegistry: Sendable {
    private var handlers: [TransactionType: any TransactionHandler] = [:]

    /// A registry with the chain's own types (governance approvals, audit-query records).
    public init() {}

    /// Adds a handler, replacing any handler of the same type.
    public mutating func register(_ handler: any TransactionHandler) { handlers[handler.type] = handler }

    /// The handler for `type`, or `nil`.
    public func handler(for type: TransactionType) -> (any TransactionHandler)? { handlers[type] }

    /// The registered types, sorted.
    public var types: [TransactionType] { handlers.keys.sorted { $0.name < $1.name } }
}
