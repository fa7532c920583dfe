/// A failure of the command line itself (bad `--node` URL, unreadable input file): printed to
/// stderr as one sentence, exit status 1 (CONTRACT.md). Failures of the use cases are
/// `NodeError`s and print the same way.
struct DidctlFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
