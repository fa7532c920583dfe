import Foundation
import GRDB

/// Copies the WAL into the database file from a connection of its own, off the committing
/// thread: SQLite's automatic checkpoint would otherwise run inside a block's commit and stall
/// every submitter waiting on it. Durability does not depend on it: each commit fsyncs the WAL.
///
/// Passive checkpoints never block the writer but cannot finish while it keeps appending, and
/// the WAL only shrinks after one finishes; so when the WAL passes `truncateBytes` a TRUNCATE
/// checkpoint waits for the writer between two blocks, copies the few frames the passive passes
/// left, and resets the file. Random-key indexes dirty many pages per block, so without this
/// the WAL grows by gigabytes under sustained load and a reopen after a crash must scan it.
final class SQLiteCheckpointer: @unchecked Sendable {
    // `stopping` is guarded by `condition`.
    private let condition = NSCondition()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private let connection: DatabaseQueue

    /// Frames a TRUNCATE may still have to copy while the writer waits (about 1 MB), which
    /// keeps the stall short.
    static let catchUpFrames = 256
    /// Past this size the WAL is truncated even if the writer must wait longer.
    static let hardLimitBytes = 1 << 30

    private let walPath: String
    private let truncateBytes: Int

    init(path: String, intervalMilliseconds: Int = 250, truncateBytes: Int = 64 << 20) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        connection = try DatabaseQueue(path: path, configuration: configuration)
        walPath = path + "-wal"
        self.truncateBytes = truncateBytes
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

    private func walSize() -> Int {
        (try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int) ?? 0
    }

    private func loop(interval: Double) {
        while true {
            let stop = condition.withLock { () -> Bool in
                if !stopping { _ = condition.wait(until: Date().addingTimeInterval(interval)) }
                return stopping
            }
            if stop { break }
            // A busy or failed attempt is simply retried next round.
            let behind = (try? connection.writeWithoutTransaction { db -> Int in
                guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)") else { return Int.max }
                let logFrames: Int = row[1], copied: Int = row[2]
                return logFrames - copied
            }) ?? Int.max
            // Truncating blocks the writer only for the frames not yet copied, so wait until the
            // passive passes have nearly caught up, unless the WAL has grown far too large.
            let size = walSize()
            if size > truncateBytes && (behind <= Self.catchUpFrames || size > Self.hardLimitBytes) {
                _ = try? connection.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            }
        }
        finished.signal()
    }
}
