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

    package var description: String { message }
}
