import DID
import Foundation

/// A uniform sample of at most `capacity` DIDs out of all those offered (reservoir sampling),
/// so that resolving "random registered DIDs" at ten million needs no list of ten million.
final class DIDSample: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var seen = 0
    private var kept: [DID] = []
    private var generator = SystemRandomNumberGenerator()

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Offers `did`: kept with probability capacity / DIDs seen so far.
    func offer(_ did: DID) {
        lock.withLock {
            seen += 1
            if kept.count < capacity {
                kept.append(did)
            } else {
                let slot = Int.random(in: 0..<seen, using: &generator)
                if slot < capacity { kept[slot] = did }
            }
        }
    }

    /// The DIDs kept.
    var dids: [DID] { lock.withLock { kept } }
}
