import Primitives

/// Measures each signature primitive through Chancery's Swift wrapper and through the
/// underlying library called directly, so `didctl bench primitives` can report the wrapper's
/// overhead as a ratio measured in one run.
///
/// The library side calls libsecp256k1, libsodium and swift-crypto itself (with its own
/// libsecp256k1 context), which is why this target may import the C libraries.
package struct PrimitivesBenchmark: Sendable {
    /// One measured operation.
    package struct Result: Sendable, Codable {
        /// The operation, e.g. `secp256k1 ECDSA verify`.
        package let operation: String
        /// Median µs per operation through the Swift wrapper.
        package let wrapperMicroseconds: Double
        /// Median µs per operation calling the library directly.
        package let libraryMicroseconds: Double
        /// `wrapperMicroseconds / libraryMicroseconds`.
        package var ratio: Double { wrapperMicroseconds / libraryMicroseconds }
    }

    /// A pair of closures performing one operation each way; each returns a value that is
    /// checked, so the optimiser cannot remove the work.
    struct Case {
        let operation: String
        let wrapper: () -> Bool
        let library: () -> Bool
    }

    /// Rounds per measurement; the median round is reported.
    package let rounds: Int
    /// Operations per round.
    package let iterations: Int
    private let clock: ContinuousClock

    /// Creates a benchmark.
    /// - Parameters:
    ///   - rounds: rounds per measurement (median reported); at least 1.
    ///   - iterations: operations per round; at least 1.
    ///   - clock: the clock that times rounds, passed in rather than read inside.
    package init(rounds: Int = 7, iterations: Int = 2_000, clock: ContinuousClock = ContinuousClock()) {
        self.rounds = max(1, rounds)
        self.iterations = max(1, iterations)
        self.clock = clock
    }

    /// Runs every case, interleaving wrapper and library rounds so that machine noise hits both.
    /// - Parameter progress: called with each operation's name before it is measured.
    /// - Returns: one result per operation.
    package func run(progress: (String) -> Void = { _ in }) -> [Result] {
        Self.cases().map { c in
            progress(c.operation)
            var wrapperRounds: [Double] = []
            var libraryRounds: [Double] = []
            for _ in 0..<rounds {
                wrapperRounds.append(time(c.wrapper))
                libraryRounds.append(time(c.library))
            }
            return Result(operation: c.operation, wrapperMicroseconds: median(wrapperRounds),
                          libraryMicroseconds: median(libraryRounds))
        }
    }

    /// Every case, in report order.
    static func cases() -> [Case] {
        secp256k1Cases() + ed25519Cases() + p256Cases() + smCases()
    }

    private func time(_ body: () -> Bool) -> Double {
        var ok = true
        let elapsed = clock.measure {
            for _ in 0..<iterations { ok = body() && ok }
        }
        precondition(ok, "a benchmarked operation failed; the figures would be meaningless")
        let (seconds, attoseconds) = elapsed.components
        return (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(iterations)
    }

    /// The median round; the mean of the middle two for an even count, as this benchmark has
    /// always reported it.
    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2]
            : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
