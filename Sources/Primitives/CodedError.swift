/// What every module's one error type shares: a growable `code` that tests and callers match
/// on, a human `reason`, equality and hashing on the code alone, and `code: reason` as text.
public protocol CodedError: Error, Hashable, CustomStringConvertible {
    /// The type of the module's failure kinds.
    associatedtype Code: Hashable, CustomStringConvertible
    /// The kind of failure.
    var code: Code { get }
    /// One human sentence: what was wrong and what to do.
    var reason: String { get }
}

extension CodedError {
    /// Errors are equal when their codes are, so tests match the kind of failure.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
    /// `code: reason`.
    public var description: String { "\(code): \(reason)" }
}
