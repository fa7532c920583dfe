import Chain
import Foundation

/// Loads for the chain benchmarks, each over a submit closure so that an in-process node
/// (`bench chain`, `bench scale`) and nodes reached over HTTP (`bench consortium`) are loaded
/// and timed alike. ``offer(_:rate:submit:)`` is open-loop: transactions released on a 10 ms tick
/// at a fixed rate whatever the node's progress, each one's confirmation time measured from its
/// scheduled release, so that a node falling behind shows as latency rather than as a slower
/// offer. ``submitAll(_:clients:window:progressEvery:progress:submit:)`` is closed-loop, for
/// throughput and for building a ledger.
enum ChainLoad {
    /// Submits the transaction at an index of the load (its bytes given); returns on its receipt.
    typealias Submit = @Sendable (_ index: Int, _ bytes: [UInt8]) async throws -> Void

    /// Offers `signed` to `node` at `rate` per second.
    /// - Returns: each transaction's confirmation time in ms, in completion order.
    /// - Throws: the chain's refusal of any of them.
    static func offer(_ signed: [[UInt8]], rate: Int, node: ChainNode) async throws -> [Double] {
        try await offer(signed, rate: rate) { _, bytes in _ = try await node.submit(encoded: bytes) }
    }

    /// Offers `signed` at `rate` per second through `submit`.
    /// - Returns: each transaction's confirmation time in ms from its scheduled release, in
    ///   completion order.
    /// - Throws: the first error of `submit`.
    static func offer(_ signed: [[UInt8]], rate: Int, submit: @escaping Submit) async throws -> [Double] {
        let start = ContinuousClock.now
        let perTick = Double(rate) / 100
        return try await withThrowingTaskGroup(of: Double.self) { group in
            var released = 0, tick = 0
            while released < signed.count {
                tick += 1
                let due = min(signed.count, Int(Double(tick) * perTick))
                try await Task.sleep(until: start + .milliseconds(tick * 10), clock: .continuous)
                while released < due {
                    let index = released, bytes = signed[released]
                    let scheduled = start + .microseconds(Int64(Double(released) / Double(rate) * 1e6))
                    group.addTask {
                        try await submit(index, bytes)
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
        try await submitAll(signed, clients: 1, window: inFlight) { _, bytes in _ = try await node.submit(encoded: bytes) }
    }

    /// Submits `signed` from `clients` concurrent clients (client `c` takes every `clients`-th
    /// transaction from `c`), each keeping `window` submissions in flight: closed loop, so it
    /// measures how fast the node commits (`bench chain`, `bench consortium`).
    /// - Parameters:
    ///   - progressEvery: `progress` is called each time this many more are committed (0: never).
    /// - Throws: the first error of `submit`.
    static func submitAll(_ signed: [[UInt8]], clients: Int, window: Int, progressEvery: Int = 0,
                          progress: @escaping @Sendable (String) -> Void = { _ in }, submit: @escaping Submit) async throws {
        let counter = BenchmarkCounter()
        let clients = max(1, clients), window = max(1, window)
        try await withThrowingTaskGroup(of: Void.self) { clientsGroup in
            for client in 0..<clients {
                clientsGroup.addTask {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        var indices = stride(from: client, to: signed.count, by: clients).makeIterator()
                        func add() -> Bool {
                            guard let index = indices.next() else { return false }
                            group.addTask {
                                try await submit(index, signed[index])
                                let done = counter.increment()
                                if progressEvery > 0, done % progressEvery == 0 { progress("  committed \(done)/\(signed.count)") }
                            }
                            return true
                        }
                        for _ in 0..<window { guard add() else { break } }
                        while try await group.next() != nil { _ = add() }
                    }
                }
            }
            try await clientsGroup.waitForAll()
        }
    }
}
