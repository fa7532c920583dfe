import Foundation
import GRDB

/// The recent tier of the lookup index (`specs/chain.md` §6.4). A block's lookup entries (one
/// per transaction id, spent key and anchored digest, each a random 30-bit hash prefix) are
/// appended to `pending(slot, prefix)`, keyed by `slot = seq << 2 | kind` so that the inserts
/// stay at the end of one B-tree, with the entry's upper 32 bits (`entry = prefix << 32 |
/// seq`, 14 bytes a row as in `lookup`), and kept in memory here, found by their hash prefix. They reach the large
/// `lookup` B-tree a generation at a time, in key order, a slice per block: a leaf page of
/// `lookup` is then written once for the many entries of a generation that fall into it, rather
/// than once per entry (about 4 KiB of WAL per random insert, the cost that grew with the ledger).
///
/// A generation is the entries committed while the previous one was merged (at least
/// `generationEntries`); each block merges as many of them as it adds, so the two tiers stay
/// about two generations in size. What is merged is recorded in `meta` under `lookupMerge`
/// (``MergeState``), in the block's SQLite transaction, so a reopened ledger knows which
/// `pending` rows are still live: `slot > generationEnd`, or `slot > generationStart` and
/// `entry >= sweep`. Older rows are deleted a few per block.
///
/// Readers look here first and then in `lookup`: an entry leaves this tier only after the block
/// that put it into `lookup` committed, and enters it only after its own block committed, so a
/// reader never misses an entry committed before it looked, and a candidate found here names a
/// stored transaction.
final class SQLiteRecentLookup: @unchecked Sendable {
    /// Which `pending` rows are live, as stored in `meta` under `lookupMerge`.
    struct MergeState: Equatable {
        /// Rows at or below this slot belong to generations already merged.
        var generationStart: Int64 = 0
        /// The last slot of the generation being merged; rows above it are the next one.
        var generationEnd: Int64 = 0
        /// Entries of the merging generation below this one are in `lookup`.
        var sweep: Int64 = .min

        static let metaKey = "lookupMerge"

        var encoded: Data {
            var writer = ByteWriter(capacity: 24)
            for value in [generationStart, generationEnd, sweep] { writer.u64(UInt64(bitPattern: value)) }
            return Data(writer.bytes)
        }

        /// The stored state, or the initial one (everything in `lookup`) for a ledger without it.
        static func read(_ db: Database) throws -> MergeState {
            guard let stored = try Data.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [metaKey]) else {
                return MergeState()
            }
            var reader = ByteReader(Array(stored))
            do {
                let state = MergeState(generationStart: Int64(bitPattern: try reader.u64()), generationEnd: Int64(bitPattern: try reader.u64()),
                                       sweep: Int64(bitPattern: try reader.u64()))
                try reader.finish()
                return state
            } catch {
                throw ChainError(.corruptLedger, "The ledger's lookup merge state cannot be read.")
            }
        }

        /// The entry of a `pending` row, in SQL (whose `<<`, `>>` and `|` share one precedence).
        static let entryColumn = "((prefix << 32) | (slot >> 2))"
        /// Whether a `pending` row is still the only place its entry is stored, as the reading
        /// connection's snapshot evaluates it.
        static let liveCondition = "slot > ? OR (slot > ? AND \(entryColumn) >= ?)"
        var liveArguments: StatementArguments { [generationEnd, generationStart, sweep] }
    }

    /// What one block changes in the tiers, computed inside its SQLite transaction and applied
    /// here only once it committed.
    struct Plan {
        /// Entries moved into `lookup`, in key order.
        var merged: [Int64] = []
        /// The merge state after the block.
        var state: MergeState
        /// The merging generation after the block, when the block started a new one.
        var nextGeneration: [Int64]?
        /// The position in the merging generation after the block.
        var mergeIndex: Int
    }

    /// What a look for one hash found here, and whether `lookup` must be read as well.
    struct Candidates {
        /// Live entries of the tier whose hash bits match.
        var recent: [Int64]
        /// `false` when the filter of `lookup` (§6.5) says it holds no entry with these hash
        /// bits, which is certain; `true` otherwise.
        var lookupMayHold: Bool
    }

    /// The slot of `entry`'s row in `pending`.
    static func slot(of entry: Int64) -> Int64 {
        SQLiteLookup.seq(of: entry) << 2 | Int64(UInt64(bitPattern: entry) >> 62)
    }

    /// Entries per generation before a new one starts; fewer for tests that must see merges.
    let generationEntries: Int

    /// Set once the rows are in memory (or could not be read): until then every use waits, so a
    /// reopened node answers resolutions (which never look here) while it reads them.
    private let loading = NSCondition()
    private var loaded = false
    private var loadError: (any Error)?

    // All below guarded by `lock`.
    private let lock = NSLock()
    /// Live entries by hash prefix (`entry >> 32`); the rare second entry of a prefix in `more`.
    private var first: [Int64: Int64] = [:]
    private var more: [Int64: [Int64]] = [:]
    private var count = 0
    /// The generation being merged, sorted, and how far the merge got.
    private var merging: [Int64] = []
    private var mergeIndex = 0
    /// Entries committed since the merging generation started, in slot order.
    private var accumulating: [Int64] = []
    private var state = MergeState()
    /// The highest slot this process has read or written (a read-only store reads on from it).
    private var loadedSlot: Int64 = 0
    /// The filter of `lookup` (§6.5), once it holds every entry there; `nil` before, and while
    /// `lookup` is smaller than `filterMinimumEntries`.
    private var filter: SQLiteLookupFilter?
    /// While a filter is built from `lookup` on a thread of its own: its size, and the entries
    /// merged meanwhile, which it gets before it replaces `filter` so that it lacks none.
    private var building: (bitsLog2: Int, merged: [Int64])?
    /// About how many entries `lookup` holds: the last build's count plus entries merged since.
    private var lookupEntries = 0
    /// Looks the filter answered without reading `lookup`.
    private var answeredByFilter = 0
    /// Runs its closure in a read transaction of the ledger, for builds of the filter; `nil` for
    /// a store that keeps no filter (a read-only one, which is short-lived and may lag a writer).
    private var filterReader: Reader?
    /// The `lookup` size from which a filter is kept; tests lower it to see one.
    let filterMinimumEntries: Int

    /// - Parameters:
    ///   - generationEntries: entries per generation before a new one starts.
    ///   - filterMinimumEntries: the `lookup` size from which a writing store keeps a filter of it.
    init(generationEntries: Int, filterMinimumEntries: Int = SQLiteLookupFilter.minimumEntries) {
        self.generationEntries = max(1, generationEntries)
        self.filterMinimumEntries = max(1, filterMinimumEntries)
    }

    /// Reads the live `pending` rows on a thread of its own; uses of the tier wait for it. Then,
    /// for a writing store, builds the filter of `lookup` (§6.5) on the same thread; looks read
    /// `lookup` until it is ready.
    /// - Parameters:
    ///   - read: runs its closure in a read transaction of the ledger.
    ///   - keepsFilter: whether to keep a filter of `lookup` (a writing store).
    func loadInBackground(keepsFilter: Bool, _ read: @escaping Reader) {
        if keepsFilter { lock.withLock { filterReader = read } }
        let thread = Thread { [self] in
            var failure: (any Error)?
            var estimate = 0
            do {
                try read { db in
                    try load(db)
                    guard keepsFilter else { return }
                    // Each transaction implies at most three entries (id, spent key, anchor).
                    estimate = 3 * Int(try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM transactions") ?? 0)
                }
            } catch { failure = error }
            loading.withLock {
                loadError = failure
                loaded = true
                loading.broadcast()
            }
            guard failure == nil, keepsFilter else { return }
            let read = lock.withLock { () -> Reader? in
                lookupEntries = max(0, estimate - count)
                return lookupEntries >= filterMinimumEntries ? startBuild() : nil
            }
            if let read { build(read) }
        }
        thread.name = "chancery-recent-lookup-load"
        thread.start()
    }

    /// Runs its closure in a read transaction of the ledger.
    typealias Reader = @Sendable ((Database) throws -> Void) throws -> Void

    /// Starts a build of the filter sized for `lookupEntries`, unless one is running; returns
    /// the reader to scan `lookup` with. Called under `lock`.
    private func startBuild() -> Reader? {
        guard building == nil, let filterReader else { return nil }
        // Entries merged from here on are kept in `building` by `commit`; those committed before
        // are in the snapshot of the scan, which begins after.
        building = (wantedBitsLog2, [])
        return filterReader
    }

    /// The filter size for `lookupEntries`, never below the size for `filterMinimumEntries`.
    /// Read under `lock`.
    private var wantedBitsLog2: Int { SQLiteLookupFilter.bitsLog2(forEntries: max(lookupEntries, filterMinimumEntries)) }

    /// Scans `lookup` into the filter `startBuild` began and puts it in place of the current
    /// one. On failure the current one stays (it got every merged entry); the next generation
    /// tries again.
    private func build(_ read: Reader) {
        guard let bitsLog2 = lock.withLock({ building?.bitsLog2 }) else { return }
        var built = SQLiteLookupFilter(bitsLog2: bitsLog2)
        var failed = false
        do {
            try read { db in
                let cursor = try Int64.fetchCursor(db, sql: "SELECT entry FROM lookup")
                while let entry = try cursor.next() { built.insert(entry) }
            }
        } catch { failed = true }
        lock.withLock {
            guard let merged = building?.merged else { return }
            building = nil
            guard !failed else { return }
            for entry in merged { built.insert(entry) }
            lookupEntries = built.entries
            filter = lookupEntries >= filterMinimumEntries ? built : nil
        }
    }

    /// Starts a build on a thread of its own when `lookup` reached the size for a filter or
    /// outgrew the one it has. Called under `lock` when a block committed.
    private func buildIfNeeded() {
        guard lookupEntries >= filterMinimumEntries, filter?.isCrowded ?? true,
              wantedBitsLog2 > filter?.bitsLog2 ?? 0,
              let read = startBuild() else { return }
        let thread = Thread { [self] in build(read) }
        thread.name = "chancery-lookup-filter"
        thread.start()
    }

    /// Waits until the rows are in memory.
    /// - Throws: `ChainError.storageFailure` when they could not be read.
    func waitUntilLoaded() throws {
        try loading.withLock {
            while !loaded { loading.wait() }
            if let loadError {
                throw ChainError.storage("The ledger's recent lookup entries could not be read: \((loadError as? ChainError)?.reason ?? "\(loadError)")")
            }
        }
    }

    /// Reads the live `pending` rows of the ledger `db` reads (a ledger of layout 2 has none).
    private func load(_ db: Database) throws {
        guard try db.tableExists("pending") else { return }
        let state = try MergeState.read(db)
        // One integer column a query: GRDB reads those without building a row each, which keeps
        // a reopen with two full generations (2,000,000 rows) near half a second.
        var merging = try Int64.fetchAll(db, sql: "SELECT \(MergeState.entryColumn) FROM pending WHERE slot > ? AND slot <= ? AND \(MergeState.entryColumn) >= ?",
                                         arguments: [state.generationStart, state.generationEnd, state.sweep])
        let accumulating = try Int64.fetchAll(db, sql: "SELECT \(MergeState.entryColumn) FROM pending WHERE slot > ? ORDER BY slot",
                                              arguments: [state.generationEnd])
        let last = try Int64.fetchOne(db, sql: "SELECT MAX(slot) FROM pending") ?? 0
        merging.sort()
        lock.withLock {
            self.state = state
            self.merging = merging
            mergeIndex = 0
            self.accumulating = accumulating
            loadedSlot = max(loadedSlot, last)
            first.reserveCapacity(merging.count + accumulating.count)
            for entry in merging { insert(entry) }
            for entry in accumulating { insert(entry) }
        }
    }

    /// Adds the rows another process appended since this one last read (a read-only store's
    /// view of a ledger that a node is writing). Entries merged meanwhile stay here as well:
    /// a duplicate candidate costs a read, a missing one would be a wrong answer.
    func refresh(_ db: Database) throws {
        try waitUntilLoaded()
        let from = lock.withLock { loadedSlot }
        guard try db.tableExists("pending") else { return }
        let rows = try Row.fetchAll(db, sql: "SELECT slot, \(MergeState.entryColumn) FROM pending WHERE slot > ? ORDER BY slot", arguments: [from])
        guard let last = rows.last else { return }
        lock.withLock {
            for row in rows { insert(row[1]) }
            loadedSlot = max(loadedSlot, last[0])
        }
    }

    /// The live entries whose hash begins as `hash` does, and whether `lookup` may hold more.
    func candidates(kind: Int64, hash: [UInt8]) throws -> Candidates {
        try waitUntilLoaded()
        let prefix = SQLiteLookup.range(kind: kind, hash: hash).lowerBound >> 32
        return lock.withLock {
            let mayHold = filter?.mayContain(prefix: prefix) ?? true
            if !mayHold { answeredByFilter += 1 }
            guard let entry = first[prefix] else { return Candidates(recent: [], lookupMayHold: mayHold) }
            return Candidates(recent: [entry] + (more[prefix] ?? []), lookupMayHold: mayHold)
        }
    }

    /// The filter's size as `bitsLog2`, the entries set in it and the looks it answered, `nil`
    /// while there is none; for the benchmark and tests.
    var filterStatistics: (bitsLog2: Int, entries: Int, answered: Int)? {
        lock.withLock { filter.map { ($0.bitsLog2, $0.entries, answeredByFilter) } }
    }

    /// Whether `entry` is live here (not yet in `lookup`).
    func contains(_ entry: Int64) throws -> Bool {
        try waitUntilLoaded()
        return lock.withLock { first[entry >> 32] == entry || more[entry >> 32]?.contains(entry) == true }
    }

    /// Live entries held in memory, for the benchmark and tests.
    var liveCount: Int {
        get throws {
            try waitUntilLoaded()
            return lock.withLock { count }
        }
    }

    /// The merge state as this process last committed or read it.
    var mergeState: MergeState {
        get throws {
            try waitUntilLoaded()
            return lock.withLock { state }
        }
    }

    /// The merge a block makes: as many entries of the merging generation as it adds, the next
    /// generation started when this one is done and enough entries are waiting.
    /// - Parameters:
    ///   - added: how many entries the block adds.
    ///   - removed: entries the block removes from this tier, which are not merged.
    ///   - firstSlot: the lowest slot the block's entries can have.
    func plan(added: Int, removed: Set<Int64>, firstSlot: Int64) throws -> Plan {
        try waitUntilLoaded()
        return lock.withLock {
            var plan = Plan(state: state, mergeIndex: mergeIndex)
            var generation = merging
            var budget = added
            while budget > 0 {
                if plan.mergeIndex == generation.count {
                    // The merging generation is in `lookup`: start the next once it is large enough.
                    guard plan.nextGeneration == nil, accumulating.count >= generationEntries else { break }
                    generation = accumulating.filter { isLive($0) && !removed.contains($0) }.sorted()
                    plan.nextGeneration = generation
                    plan.mergeIndex = 0
                    plan.state = MergeState(generationStart: state.generationEnd, generationEnd: firstSlot - 1, sweep: .min)
                    continue
                }
                let entry = generation[plan.mergeIndex]
                plan.mergeIndex += 1
                guard isLive(entry), !removed.contains(entry) else { continue }
                plan.merged.append(entry)
                budget -= 1
            }
            // Entries below the sweep are merged; `Int64.max` once the whole generation is (a
            // live entry never equals it: its sequence number would be 2^32 - 1).
            plan.state.sweep = plan.mergeIndex < generation.count ? generation[plan.mergeIndex] : .max
            return plan
        }
    }

    /// Applies a committed block: its entries join, its removals leave, its merged slice leaves.
    func commit(added: [Int64], removed: Set<Int64>, plan: Plan) {
        lock.withLock {
            if let next = plan.nextGeneration {
                merging = next
                accumulating.removeAll(keepingCapacity: true)
            }
            mergeIndex = plan.mergeIndex
            state = plan.state
            for entry in removed { remove(entry) }
            // Into the filters before out of the tier, under the same lock: a look sees one or the other.
            for entry in plan.merged {
                filter?.insert(entry)
                building?.merged.append(entry)
                remove(entry)
            }
            let before = lookupEntries
            lookupEntries += plan.merged.count
            for entry in added where !removed.contains(entry) {
                insert(entry)
                accumulating.append(entry)
                loadedSlot = max(loadedSlot, Self.slot(of: entry))
            }
            if mergeIndex == merging.count, !merging.isEmpty, accumulating.count < generationEntries {
                // Done with it; the memory goes back before the next generation starts.
                merging = []
                mergeIndex = 0
            }
            // Once a generation (a rebuild that failed is tried again at the next), and when
            // `lookup` reaches the size for a filter.
            if plan.nextGeneration != nil || (before < filterMinimumEntries && lookupEntries >= filterMinimumEntries) { buildIfNeeded() }
        }
    }

    private func isLive(_ entry: Int64) -> Bool { first[entry >> 32] == entry || more[entry >> 32]?.contains(entry) == true }

    private func insert(_ entry: Int64) {
        let prefix = entry >> 32
        guard let existing = first[prefix] else {
            first[prefix] = entry
            count += 1
            return
        }
        guard existing != entry, more[prefix]?.contains(entry) != true else { return }
        more[prefix, default: []].append(entry)
        count += 1
    }

    private func remove(_ entry: Int64) {
        let prefix = entry >> 32
        if first[prefix] == entry {
            if var rest = more[prefix], !rest.isEmpty {
                first[prefix] = rest.removeFirst()
                more[prefix] = rest.isEmpty ? nil : rest
            } else {
                first[prefix] = nil
            }
            count -= 1
        } else if var rest = more[prefix], let index = rest.firstIndex(of: entry) {
            rest.remove(at: index)
            more[prefix] = rest.isEmpty ? nil : rest
            count -= 1
        }
    }
}
