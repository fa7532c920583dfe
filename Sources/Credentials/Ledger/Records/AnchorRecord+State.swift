import Chain
import DID

extension AnchorRecord {
    /// `str issuer ‖ u64 count ‖ u64 height ‖ u64 time ‖ B32 transaction id`: binary, since
    /// verification reads anchors thousands of times a second.
    var stateBytes: [UInt8] {
        var writer = ByteWriter(capacity: 160)
        writer.string(issuer.description)
        writer.u64(count)
        writer.u64(height)
        writer.u64(time)
        writer.raw(transaction.bytes)
        return writer.bytes
    }

    init(root: [UInt8], stateBytes: [UInt8]) throws {
        var reader = ByteReader(stateBytes)
        do {
            let issuer = try DID(parsing: try reader.string())
            let count = try reader.u64(), height = try reader.u64(), time = try reader.u64()
            let transaction = try TransactionID(bytes: try reader.raw(32))
            try reader.finish()
            self.init(root: root, issuer: issuer, count: count, height: height, time: time, transaction: transaction)
        } catch {
            throw ChainError(.corruptLedger, "The stored anchor of a Merkle root cannot be read.")
        }
    }
}
