/// A failure of the command line itself (bad `--node` URL, unreadable input file): printed to
/// stderr as one sentence, exit status 1 (CONTRACT.md). Failures of the use cases are
/// `NodeError`s and print the same way.
struct DidctlFailure: Error, CustomStringConvertible {
    let message: String
    /// The request may have reached the node and been carried out (it stopped answering after
    /// the request was sent): what was recorded here for it must be kept.
    let outcomeUnknown: Bool

    init(_ message: String, outcomeUnknown: Bool = false) {
        self.message = message
        self.outcomeUnknown = outcomeUnknown
    }

    /// Whether `error` says that an operation surely did not happen, so that what was recorded
    /// for it may be taken back: anything but a request whose answer was lost.
    static func isDefiniteFailure(_ error: any Error) -> Bool {
        (error as? DidctlFailure)?.outcomeUnknown != true
    }

    var description: String { message }
}
