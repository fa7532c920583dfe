import GRDBSQLite

/// The memory SQLite holds in this process (`sqlite3_memory_used`): mostly the page caches of
/// the ledger's connections, which are bounded (`SQLiteBlockStore.Options.cacheKiB` for the
/// writer, an eighth of it per reader) but fill as the ledger grows past them. A soak reports
/// it beside RSS, so a cache filling up is told apart from memory that is never given back.
public enum SQLiteMemory {
    /// Bytes SQLite has allocated and not freed, now.
    public static var bytesInUse: Int64 { sqlite3_memory_used() }
}
