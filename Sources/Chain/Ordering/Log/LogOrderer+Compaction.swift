import Foundation
import Primitives

extension LogOrderer {
    /// Compacts the log when due (`specs/consortium.md` §3.3): to the last entry this node cut a
    /// block from at or below `final height − retention`, once that is at least `retention / 2`
    /// blocks (at least one) above the marker in force. Several nodes may do so at once; the
    /// marker only moves up.
    /// - Throws: when the log cannot be reached (tried again on the next round).
    func compactIfDue() async throws {
        guard let retention = setting.retention else { return }
        let due = lock.withLock { () -> (sequence: UInt64, height: UInt64, hash: [UInt8])? in
            guard finalCount > retention + 1 else { return nil }
            let target = finalCount - 1 - retention
            guard let made = madeBlocks.last(where: { $0.height <= target }),
                  made.height >= (compacted?.height ?? 0) + max(1, retention / 2) else { return nil }
            return made
        }
        guard let due else { return }
        let marker = LogCompaction(sequence: due.sequence + 1, height: due.height, blockHash: due.hash)
        let inForce = try await log.compact(to: marker)
        lock.withLock {
            compacted = inForce
            madeBlocks.removeAll { $0.height <= inForce.height }
        }
        if inForce == marker {
            setting.onNotice("Compacted the log below entry \(marker.sequence) (the blocks up to \(marker.height), final on this node).")
        }
    }
}
