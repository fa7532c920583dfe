/// A failure talking to etcd, with what was asked and of whom.
public struct EtcdError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// No endpoint answered (down, partitioned, or the cluster has lost its quorum).
        case unavailable
        /// An endpoint answered with an error status or a body that is not etcd's.
        case badResponse
        /// The request was not valid (a key or value etcd refuses).
        case invalidRequest
    }

    /// The kind of failure.
    public let code: Code
    /// One sentence naming the operation and the endpoints.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code.rawValue): \(reason)" }
}
