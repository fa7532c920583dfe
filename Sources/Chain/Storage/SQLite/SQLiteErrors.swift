import Foundation
import GRDB

/// Maps SQLite failures to the chain's error codes, naming the operation.
enum SQLiteErrors {
    /// - Parameter systemErrno: the `errno` of the connection's failed call, when known: SQLite
    ///   reports a write that a file size limit stopped (`EFBIG`) or a read-only file system
    ///   (`EROFS`) as a plain I/O error, so the cause is told from it.
    static func map(_ error: any Error, doing what: String, systemErrno: Int32 = 0) -> ChainError {
        if let chainError = error as? ChainError { return chainError }
        guard let database = error as? DatabaseError else {
            return ChainError.storage("Could not \(what): \(error).")
        }
        switch (database.resultCode, systemErrno) {
        case (.SQLITE_FULL, _), (.SQLITE_IOERR, ENOSPC):
            return ChainError(.diskFull, "Could not \(what): the disk is full. Free space and retry; nothing was written.")
        case (.SQLITE_IOERR, EFBIG):
            return ChainError(.diskFull, "Could not \(what): the ledger reached the process's file size limit (RLIMIT_FSIZE). "
                              + "Raise the limit and retry; nothing was written.")
        case (.SQLITE_READONLY, _), (.SQLITE_IOERR, EROFS):
            return ChainError.storage("Could not \(what): the ledger is read-only (its file or file system). Make it writable and retry; "
                                      + "nothing was written.")
        case (.SQLITE_CORRUPT, _), (.SQLITE_NOTADB, _):
            return ChainError(.corruptLedger, "Could not \(what): the database file is corrupt or not a ledger (\(database.message ?? "")).")
        case (.SQLITE_CONSTRAINT, _):
            return ChainError(.alreadyExists, "Could not \(what): \(database.message ?? "a uniqueness constraint failed").")
        default:
            return ChainError.storage("Could not \(what): \(database.message ?? "\(database.resultCode)").")
        }
    }
}
