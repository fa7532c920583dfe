/// Which hash prefixes the `lookup` B-tree may hold (`specs/chain.md` §6.5): one bit per
/// slot of a bitmap, the slot a multiplicative hash of an entry's kind and hash bits. Every new
/// transaction looks for its one-time key (and an anchor for its digest) and finds nothing; once
/// `lookup` outgrows the page cache, each such look read a leaf page of its own. A clear bit
/// answers it from memory. A set bit may be another entry's: the look then reads the B-tree, as
/// it would have without the filter, and confirms against the stored transaction.
///
/// A value type with no lock of its own: ``SQLiteRecentLookup`` owns it and guards it with its
/// lock, so that an entry's bit is set before the entry leaves the recent tier.
struct SQLiteLookupFilter {
    /// The fewest entries worth a filter: below, `lookup`'s pages stay in the page cache.
    static let minimumEntries = 1 << 20
    /// Bits per entry when sized: about 6% of absent hashes then read the B-tree.
    static let bitsPerEntry = 16
    /// The largest bitmap, 64 MiB (2^29 bits): 10 bits an entry at 50,000,000 entries.
    static let maximumBitsLog2 = 29

    private var words: [UInt64]
    private let shift: UInt32
    /// Entries set since the filter was made (a bit set twice counts twice).
    private(set) var entries: Int

    /// An empty filter of `2^bitsLog2` bits.
    init(bitsLog2: Int) {
        let log2 = min(max(bitsLog2, 6), 32)
        words = [UInt64](repeating: 0, count: (1 << log2) / 64)
        shift = UInt32(32 - log2)
        entries = 0
    }

    /// The bitmap size for a `lookup` of about `entries` entries, with room for it to grow
    /// fourfold before ``isCrowded``.
    static func bitsLog2(forEntries entries: Int) -> Int {
        let wanted = max(entries, 1) * bitsPerEntry * 4
        return min(Int.bitWidth - (wanted - 1).leadingZeroBitCount, maximumBitsLog2)
    }

    /// Whether the filter has fewer than ``bitsPerEntry`` bits an entry left and is below the
    /// largest size: a larger one would answer more looks from memory.
    var isCrowded: Bool {
        let bits = words.count * 64
        return entries * Self.bitsPerEntry > bits && bits < 1 << Self.maximumBitsLog2
    }

    /// Records that `lookup` holds `entry`.
    mutating func insert(_ entry: Int64) {
        let slot = self.slot(entry >> 32)
        words[slot >> 6] |= 1 << UInt64(slot & 63)
        entries += 1
    }

    /// Whether `lookup` may hold an entry with these kind and hash bits (`entry >> 32`); `false`
    /// is certain.
    func mayContain(prefix: Int64) -> Bool {
        let slot = self.slot(prefix)
        return words[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// Its size, as `bitsLog2`.
    var bitsLog2: Int { 32 - Int(shift) }

    private func slot(_ prefix: Int64) -> Int {
        // The hash bits are random already; the multiply spreads the kind bits over the slots.
        Int((UInt32(truncatingIfNeeded: prefix) &* 0x9E37_79B1) >> shift)
    }
}
