import Foundation

/// One result slot per iteration of `DispatchQueue.concurrentPerform`, whose closure must be
/// `@Sendable` and so cannot write into a captured array.
final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
    // Guarded by `lock`; each iteration holds it only to store its own result.
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    /// The values in slot order, unset slots skipped.
    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
