import Foundation
import GRDB

/// Copies the WAL into the database file from a connection of its own, off the committing
/// thread: SQLite's automatic checkpoint would otherwise run inside a block's commit and stall
/// every submitter waiting on it. Durability does not depend on it: each commit fsyncs the WAL.
final class SQLiteCheckpointer: @unchecked Sendable {
    // `stopping` is guarded by `condition`.
    private let condition = NSCondition()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private let connection: DatabaseQueue

    init(path: String, intervalMilliseconds: Int = 250) throws {
        connection = try DatabaseQueue(path: path)
        let thread = Thread { [self] in loop(interval: Double(intervalMilliseconds) / 1000) }
        thread.name = "chancery.checkpointer"
        thread.qualityOfService = .utility
        thread.start()
    }

    func stop() {
        condition.withLock {
            stopping = true
            condition.signal()
        }
        finished.wait()
        // Pass the signal on, so that a second `stop()` returns too.
        finished.signal()
    }

    private func loop(interval: Double) {
        while true {
            let stop = condition.withLock { () -> Bool in
                if !stopping { _ = condition.wait(until: Date().addingTimeInterval(interval)) }
                return stopping
            }
            if stop { break }
            // PASSIVE never blocks the writer; a busy or failed attempt is retried next round.
            _ = try? connection.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
        }
        finished.signal()
    }
}
