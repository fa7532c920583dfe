import Foundation

/// Drives the mixed load: closed-loop to measure capacity, open-loop at a set rate for the
/// soak and the overload, recording every answer.
struct SoakLoad {
    let client: SoakClient

    /// Answers per second `workers` clients get back-to-back for `seconds`, each going round
    /// the mix: the node's capacity for this mix. Counts only the expected answers.
    func capacity(workers: Int, seconds: Double) async -> Double {
        let record = SoakRecord()
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var index = worker * 7
                    while record.now < seconds {
                        let kind = SoakKind.cycle[index % SoakKind.cycle.count]
                        index += 1
                        await send(kind, record: record)
                    }
                }
            }
        }
        let good = record.all.filter { $0.status == $0.kind.expectedStatus }.count
        return Double(good) / record.now
    }

    /// Sends the mix at `rate` requests per second for `seconds` (on a fixed schedule, so a
    /// slow answer does not slow the sending), keeping at most `maxInFlight` unanswered; a
    /// request due while that many are unanswered is counted as skipped.
    func run(rate: Double, seconds: Double, maxInFlight: Int, record: SoakRecord, every: Double = 0,
             tick: @escaping @Sendable (Double) -> Void = { _ in }) async {
        let interval = 1 / rate
        let inFlight = InFlight()
        let phaseStart = record.now
        await withTaskGroup(of: Void.self) { group in
            var index = 0
            var nextTick = every
            while true {
                let due = phaseStart + Double(index) * interval
                if due >= phaseStart + seconds { break }
                let wait = due - record.now
                if wait > 0 { try? await Task.sleep(for: .seconds(wait)) }
                if every > 0, record.now - phaseStart >= nextTick {
                    tick(record.now)
                    nextTick += every
                }
                let kind = SoakKind.cycle[index % SoakKind.cycle.count]
                index += 1
                guard inFlight.enter(limit: maxInFlight) else {
                    record.skip()
                    continue
                }
                group.addTask {
                    await send(kind, record: record)
                    inFlight.leave()
                }
            }
        }
    }

    private func send(_ kind: SoakKind, record: SoakRecord) async {
        let sent = record.now
        let answer: SoakClient.Answer
        do {
            answer = try await client.send(kind)
        } catch {
            record.add(.init(kind: kind, sent: sent, latency: record.now - sent, status: 0, retryAfter: false, detail: "\(error)"))
            return
        }
        let expected = answer.status == kind.expectedStatus
        record.add(.init(kind: kind, sent: sent, latency: record.now - sent, status: answer.status, retryAfter: answer.retryAfter,
                         detail: expected ? nil : String(decoding: answer.body.prefix(300), as: UTF8.self)))
    }

    /// A counter of unanswered requests.
    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func enter(limit: Int) -> Bool { lock.withLock { guard count < limit else { return false }; count += 1; return true } }
        func leave() { lock.withLock { count -= 1 } }
    }
}
