import Foundation

/// A clock the test moves by hand, handed to vault nodes and custodians as their `clock`.
final class TestClock: @unchecked Sendable {
    // @unchecked: `current` is only touched under `lock`.
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }

    /// The closure form that `VaultNode` and `VaultCustodian` take.
    var closure: @Sendable () -> Date { { [self] in self.now } }
}
