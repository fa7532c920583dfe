/// The form a transaction is stored in (`specs/chain.md` §6.3): its wire bytes without the chain
/// id, which every transaction of a ledger shares, and with the type name replaced by a small
/// code from the `types` table; the rest is packed (``SQLitePacking``) when the body is JSON
/// text and packing saves. The id is not stored: it is the hash of the wire bytes rebuilt from
/// this form, so an altered stored byte changes the id and no longer matches the block's Merkle
/// root.
///
/// ```
/// u8 format ‖ varint (typeCode << 1 | packed) ‖ rest
/// rest (typeCode ≥ 1): bytes body ‖ varint epoch ‖ the wire's fields after the epoch
/// rest (typeCode 0):   the wire after the format byte, verbatim (a transaction of another
///                      chain id, which a block never holds but the form can carry)
/// ```
enum SQLiteStoredTransaction {
    /// The stored form of `transaction`, with `typeCode` for its type (0 to keep it verbatim).
    static func encode(_ transaction: Transaction, chainId: String, typeCode: Int64, dictionary: [UInt8]) -> [UInt8] {
        let wire = transaction.encoded
        let verbatim = typeCode <= 0 || transaction.chainId != chainId
        let rest = verbatim ? Array(wire[1...]) : compacted(transaction)
        let packed = SQLitePacking.isCandidate(transaction.body) ? SQLitePacking.pack(rest, dictionary: dictionary) : nil
        var writer = ByteWriter(capacity: wire.count)
        writer.u8(wire[0])
        writer.varint(UInt64(verbatim ? 0 : typeCode) << 1 | (packed == nil ? 0 : 1))
        writer.raw(packed ?? rest)
        return writer.bytes
    }

    /// The wire bytes of a stored transaction.
    /// - Parameter typeName: the name of a type code; `nil` for an unknown code.
    /// - Throws: `ChainError.corruptLedger` when the stored form cannot be read.
    static func wire(from stored: [UInt8], chainId: String, dictionary: [UInt8], typeName: (Int64) -> String?) throws -> [UInt8] {
        var reader = ByteReader(stored)
        let format: UInt8, field: UInt64
        do {
            format = try reader.u8()
            field = try reader.varint()
        } catch {
            throw ChainError(.corruptLedger, "A stored transaction's format or type code cannot be read.")
        }
        var rest = Array(stored[(stored.count - reader.remaining)...])
        if field & 1 == 1 { rest = try SQLitePacking.unpack(rest, dictionary: dictionary) }
        let code = field >> 1
        guard code > 0 else { return [format] + rest }
        guard let code = Int64(exactly: code), let name = typeName(code) else {
            throw ChainError(.corruptLedger, "A stored transaction names type code \(code), which the ledger does not define.")
        }
        rest = try expanded(rest)
        var writer = ByteWriter(capacity: rest.count + chainId.utf8.count + name.utf8.count + 4)
        writer.u8(format)
        writer.string(chainId)
        writer.string(name)
        writer.raw(rest)
        return writer.bytes
    }

    /// The wire after the type, with the epoch as a varint: `bytes body ‖ varint epoch ‖` the
    /// fixed-size fields after it.
    private static func compacted(_ transaction: Transaction) -> [UInt8] {
        var writer = ByteWriter(capacity: transaction.encoded.count)
        writer.bytes(transaction.body)
        writer.varint(transaction.epoch)
        let tail = 1 + lengthOfString(transaction.chainId) + lengthOfString(transaction.type.name)
            + lengthOfLength(transaction.body.count) + transaction.body.count + 8
        writer.raw(transaction.encoded[tail...])
        return writer.bytes
    }

    /// The wire after the type from its compacted form.
    private static func expanded(_ compact: [UInt8]) throws -> [UInt8] {
        var reader = ByteReader(compact)
        var writer = ByteWriter(capacity: compact.count + 8)
        do {
            writer.bytes(try reader.bytes(maxLength: Transaction.maximumSize))
            writer.u64(try reader.varint())
        } catch {
            throw ChainError(.corruptLedger, "A stored transaction's body or epoch cannot be read.")
        }
        writer.raw(compact[(compact.count - reader.remaining)...])
        return writer.bytes
    }

    private static func lengthOfLength(_ count: Int) -> Int {
        var writer = ByteWriter(capacity: 4)
        writer.varint(UInt64(count))
        return writer.bytes.count
    }

    /// Bytes of a `str` on the wire: its varint length and its UTF-8.
    private static func lengthOfString(_ text: String) -> Int {
        var writer = ByteWriter(capacity: 4)
        writer.varint(UInt64(text.utf8.count))
        return writer.bytes.count + text.utf8.count
    }
}
