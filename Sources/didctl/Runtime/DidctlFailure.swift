/// A refused operation: printed to stderr as one sentence, exit status 1 (CONTRACT.md).
struct DidctlFailure: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
