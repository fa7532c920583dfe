import Chain

/// Where did:chancery keeps its state (`specs/did-method.md` §4): the current record under the
/// DID, and each superseded version under `(DID, version)`. The current version is not stored
/// twice, and `versionTime` is answered from the records' own `updated` times.
enum DIDLedgerState {
    static let current = "did"
    static let versions = "did.version"

    static func key(_ did: DID) -> [UInt8] { Array(did.description.utf8) }

    static func versionKey(_ did: DID, _ version: UInt64) -> [UInt8] { key(did) + [0] + bigEndian(version) }

    static func bigEndian(_ value: UInt64) -> [UInt8] { (0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }

    static func record(_ did: DID, in state: any StateReader) throws -> DIDRecord? {
        try state.value(namespace: current, key: key(did)).map { try DIDRecord(bytes: $0) }
    }

    /// A superseded version, or `nil`.
    static func record(_ did: DID, version: UInt64, in state: any StateReader) throws -> DIDRecord? {
        try state.value(namespace: versions, key: versionKey(did, version)).map { try DIDRecord(bytes: $0) }
    }

    /// Every superseded version, oldest first.
    static func superseded(_ did: DID, in state: any StateReader) throws -> [DIDRecord] {
        try state.entries(namespace: versions, prefix: key(did) + [0]).map { try DIDRecord(bytes: $0.value) }
    }

    /// Makes `record` current; the record it replaces, if any, moves to the versions.
    static func write(_ record: DIDRecord, replacing previous: DIDRecord?, for did: DID, to state: StateTransaction) {
        state.put(namespace: current, key: key(did), value: record.bytes)
        if let previous { state.put(namespace: versions, key: versionKey(did, previous.versionId), value: previous.bytes) }
    }
}
