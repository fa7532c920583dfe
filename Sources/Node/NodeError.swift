/// A refused or failed use case of the node: one sentence, shown to the CLI's user on stderr
/// (exit status 1, CONTRACT.md) and, when it is a ``refusal(_:)``, to a remote client.
///
/// Messages often name files of the data directory, so over HTTP only a refusal (the caller's
/// own input is wrong) is answered with its message; any other failure is the node's, answered
/// with a generic reason while the message goes to the node's log.
package struct NodeError: Error, CustomStringConvertible {
    /// The sentence.
    package let message: String
    /// Whether the caller's input caused it, so that its message may be shown to a remote client.
    package let isRefusal: Bool
    /// Whether it is a refusal because what the caller named does not exist (HTTP 404).
    package private(set) var isNotFound = false
    /// Whether it is a refusal because of the state of what the caller named (a deactivated
    /// DID, which can no longer change: HTTP 409).
    package private(set) var isConflict = false

    /// A failure of the node's own (files, keys, storage).
    package init(_ message: String) {
        self.message = message
        isRefusal = false
    }

    private init(refusal message: String) {
        self.message = message
        isRefusal = true
    }

    /// A failure caused by the caller's input, whose message names nothing of the server.
    package static func refusal(_ message: String) -> NodeError { NodeError(refusal: message) }

    /// A refusal because what the caller named is in a state that forbids the request.
    package static func conflict(_ message: String) -> NodeError {
        var error = NodeError(refusal: message)
        error.isConflict = true
        return error
    }

    /// A refusal because what the caller named (a DID, a record) does not exist.
    package static func notFound(_ message: String) -> NodeError {
        var error = NodeError(refusal: message)
        error.isNotFound = true
        return error
    }

    package var description: String { message }
}
