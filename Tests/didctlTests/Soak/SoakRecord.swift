import Foundation

/// Every answer of a load run: when it was sent, how long it took, and what came back;
/// thread-safe.
final class SoakRecord: @unchecked Sendable {
    struct Answer: Sendable {
        let kind: SoakKind
        /// Seconds since the record's start, when the request was sent.
        let sent: Double
        /// Seconds from sending to the whole answer.
        let latency: Double
        /// The HTTP status, or 0 when no answer came (a connection or client failure).
        let status: Int
        let retryAfter: Bool
        /// The start of the body of an unexpected answer, for the report.
        let detail: String?
    }

    let start = ContinuousClock.now
    private let lock = NSLock()
    private var answers: [Answer] = []
    /// Requests the generator could not send because its own in-flight bound was reached.
    private var skipped = 0

    var now: Double { (ContinuousClock.now - start).seconds }

    func add(_ answer: Answer) { lock.withLock { answers.append(answer) } }
    func skip() { lock.withLock { skipped += 1 } }
    var all: [Answer] { lock.withLock { answers } }
    var skippedCount: Int { lock.withLock { skipped } }

    /// The answers sent in `[from, to)` seconds.
    func window(_ from: Double, _ to: Double) -> [Answer] { all.filter { $0.sent >= from && $0.sent < to } }

    /// The p-quantile (0...1) of `latencies`, in milliseconds (nearest rank); 0 for none.
    static func quantile(_ latencies: [Double], _ p: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let sorted = latencies.sorted()
        let rank = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank] * 1000
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
