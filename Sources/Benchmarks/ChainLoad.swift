import Chain
import Foundation

/// Loads for the chain benchmarks. ``offer(_:rate:node:)`` is open-loop: transactions released
/// on a 10 ms tick at a fixed rate whatever the node's progress, each one's confirmation time
/// measured from its scheduled release, so that a node falling behind shows as latency rather
/// than as a slower offer (`bench chain`, `bench scale`). ``submitAll(_:node:inFlight:)`` is
/// closed-loop, for building a ledger (`bench resolve`, `bench scale`).
enum ChainLoad {
    /// Offers `signed` to `node` at `rate` per second.
    /// - Returns: each transaction's confirmation time in ms, in completion order.
    /// - Throws: the chain's refusal of any of them.
    static func offer(_ signed: [[UInt8]], rate: Int, node: ChainNode) async throws -> [Double] {
        let start = ContinuousClock.now
        let perTick = Double(rate) / 100
        return try await withThrowingTaskGroup(of: Double.self) { group in
            var released = 0, tick = 0
            while released < signed.count {
                tick += 1
                let due = min(signed.count, Int(Double(tick) * perTick))
                try await Task.sleep(until: start + .milliseconds(tick * 10), clock: .continuous)
                while released < due {
                    let bytes = signed[released]
                    let scheduled = start + .microseconds(Int64(Double(released) / Double(rate) * 1e6))
                    group.addTask {
                        _ = try await node.submit(encoded: bytes)
                        return (ContinuousClock.now - scheduled).seconds * 1000
                    }
                    released += 1
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Submits `signed` as fast as `node` takes them, `inFlight` at a time (closed loop), for
    /// building a ledger rather than measuring latency (`bench resolve`, `bench scale`).
    /// - Throws: the chain's refusal of any of them.
    static func submitAll(_ signed: [[UInt8]], node: ChainNode, inFlight: Int = 2_048) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var iterator = signed.makeIterator()
            for _ in 0..<inFlight {
                guard let next = iterator.next() else { break }
                group.addTask { _ = try await node.submit(encoded: next) }
            }
            while try await group.next() != nil {
                if let next = iterator.next() { group.addTask { _ = try await node.submit(encoded: next) } }
            }
        }
    }
}
