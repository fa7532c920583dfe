/// A refused operation: printed to stderr as one sentence, exit status 1 (CONTRACT.md).
///
/// Messages often name files of the data directory, so over HTTP only a ``refusal(_:)`` (the
/// caller's own input is wrong) is answered with its message; any other failure is the node's,
/// answered with a generic reason while the message goes to the node's log.
struct DidctlFailure: Error, CustomStringConvertible {
    let message: String
    /// Whether the caller's input caused it, so that its message may be shown to a remote client.
    let isRefusal: Bool

    init(_ message: String) {
        self.message = message
        isRefusal = false
    }

    private init(refusal message: String) {
        self.message = message
        isRefusal = true
    }

    /// A failure caused by the caller's input, whose message names nothing of the server.
    static func refusal(_ message: String) -> DidctlFailure { DidctlFailure(refusal: message) }

    var description: String { message }
}
