import Chain

/// The newest version of a CPT and its author, so that `latestSchema` and version checks are
/// one read: `u64 version ‖ str author DID` under `u64 number`.
struct SchemaHead {
    let version: UInt64
    let author: String

    static func read(number: UInt64, from state: any StateReader) throws -> SchemaHead? {
        guard let bytes = try state.value(namespace: CredentialLedgerState.schemaHead, key: CredentialLedgerState.u64(number)) else {
            return nil
        }
        var reader = ByteReader(bytes)
        do {
            let head = SchemaHead(version: try reader.u64(), author: try reader.string())
            try reader.finish()
            return head
        } catch { throw ChainError(.corruptLedger, "The stored head of CPT \(number) cannot be read.") }
    }

    func write(number: UInt64, to state: StateTransaction) {
        var writer = ByteWriter(capacity: 96)
        writer.u64(version)
        writer.string(author)
        state.put(namespace: CredentialLedgerState.schemaHead, key: CredentialLedgerState.u64(number), value: writer.bytes)
    }
}
