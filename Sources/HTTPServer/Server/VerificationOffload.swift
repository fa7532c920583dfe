/// Where the verification of a large request body runs: one thread of its own, off the
/// SwiftNIO event loops that serve every connection (and run the node's tasks, see
/// ``EventLoopExecutor``).
///
/// A verification is bounded (the schema pattern budget, the SD-JWT limits), but its cost
/// grows with the body: two parallel 1 MiB requests held on the event loops would delay every
/// other client, `/healthz` included. Bodies up to ``thresholdBytes`` (every ordinary
/// credential) stay on the loop that read them, where they cost no thread hand-off; larger
/// ones queue here, one at a time, while the loops keep serving.
package enum VerificationOffload {
    /// Bodies above this many bytes are parsed and verified off the event loops: 32 KiB, ten
    /// times a typical anchored credential.
    static let thresholdBytes = 32 * 1024

    /// The executor the offloaded work prefers.
    static let executor = QueueExecutor(label: "chancery.http.large-verification")

    /// Runs `operation` on the offload thread when `bodyBytes` exceeds ``thresholdBytes``,
    /// else where it was called: `nonisolated(nonsending)`, so the common case costs one
    /// comparison, no executor hop and no task.
    static func run<T: Sendable>(bodyBytes: Int, _ operation: nonisolated(nonsending) @escaping @Sendable () async throws -> T) async throws -> T {
        guard bodyBytes > thresholdBytes else { return try await operation() }
        // A task of its own that prefers the offload executor: its nonisolated code, the
        // verifier's included (SE-0461), runs there rather than on the caller's event loop.
        return try await Task(executorPreference: executor) { try await operation() }.value
    }

    /// Whether the caller runs on the offload thread (for tests).
    package static var isCurrent: Bool { executor.isCurrent }
}
