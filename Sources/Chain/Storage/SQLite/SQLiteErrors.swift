import GRDB

/// Maps SQLite failures to the chain's error codes, naming the operation.
enum SQLiteErrors {
    static func map(_ error: any Error, doing what: String) -> ChainError {
        if let chainError = error as? ChainError { return chainError }
        guard let database = error as? DatabaseError else {
            return ChainError.storage("Could not \(what): \(error).")
        }
        switch database.resultCode {
        case .SQLITE_FULL:
            return ChainError(.diskFull, "Could not \(what): the disk is full. Free space and retry; nothing was written.")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return ChainError(.corruptLedger, "Could not \(what): the database file is corrupt or not a ledger (\(database.message ?? "")).")
        case .SQLITE_CONSTRAINT:
            return ChainError(.alreadyExists, "Could not \(what): \(database.message ?? "a uniqueness constraint failed").")
        default:
            return ChainError.storage("Could not \(what): \(database.message ?? "\(database.resultCode)").")
        }
    }
}
