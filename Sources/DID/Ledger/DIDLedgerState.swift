import Chain

/// Where did:chancery keeps its state (`specs/did-method.md` §4): the current record under the
/// DID, each superseded version under `(DID, version)`, and a `(DID, time, version)` index of
/// them (state version 1 also writes each new record to both as it is written).
enum DIDLedgerState {
    static let current = "did"
    static let versions = "did.version"
    static let times = "did.time"

    static func key(_ did: DID) -> [UInt8] { Array(did.description.utf8) }

    static func versionKey(_ did: DID, _ version: UInt64) -> [UInt8] { key(did) + [0] + bigEndian(version) }

    static func timeKey(_ did: DID, time: UInt64, version: UInt64) -> [UInt8] { key(did) + [0] + bigEndian(time) + bigEndian(version) }

    static func bigEndian(_ value: UInt64) -> [UInt8] { (0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }

    static func integer(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.reduce(0) { $0 << 8 | UInt64($1) } }

    static func record(_ did: DID, in state: any StateReader) throws -> DIDRecord? {
        try state.value(namespace: current, key: key(did)).map { try DIDRecord(bytes: $0) }
    }

    /// Writes a DID's new current record.
    /// - Parameters:
    ///   - previous: the record it supersedes, `nil` for a creation.
    ///   - stateVersion: the chain's state rules: 1 writes every record to all three places as
    ///     it is written; 2 stores it once, and a version moves to the history when superseded.
    static func write(_ record: DIDRecord, superseding previous: DIDRecord?, for did: DID, to state: StateTransaction, stateVersion: Int) {
        state.put(namespace: current, key: key(did), value: record.bytes)
        guard stateVersion >= 2 else {
            state.put(namespace: versions, key: versionKey(did, record.versionId), value: record.bytes)
            state.put(namespace: times, key: timeKey(did, time: record.updated, version: record.versionId), value: [])
            return
        }
        if let previous {
            state.put(namespace: versions, key: versionKey(did, previous.versionId), value: previous.bytes)
            state.put(namespace: times, key: timeKey(did, time: previous.updated, version: previous.versionId), value: [])
        }
    }
}
