import Chain
import DID

/// A status list's allocation mark and last change, `u64 allocated ‖ u64 updated` under the
/// list id; the bits themselves are stored raw under the same id in another namespace.
struct StatusListMeta {
    var allocated: Int
    var updated: UInt64

    static func read(_ id: String, from state: any StateReader) throws -> StatusListMeta? {
        try state.value(namespace: CredentialLedgerState.statusMeta, key: CredentialLedgerState.text(id)).map {
            let values = try CredentialLedgerState.integers($0, count: 2)
            guard let allocated = Int(exactly: values[0]) else {
                throw ChainError(.corruptLedger, "The stored status list meta of \(id) holds an impossible count.")
            }
            return StatusListMeta(allocated: allocated, updated: values[1])
        }
    }

    func write(_ id: String, to state: StateTransaction) {
        state.put(namespace: CredentialLedgerState.statusMeta, key: CredentialLedgerState.text(id),
                  value: CredentialLedgerState.u64(UInt64(allocated)) + CredentialLedgerState.u64(updated))
    }

    /// The number of the issuer's newest list of `purpose`, or `nil` before its first.
    static func newestList(issuer: DID, purpose: StatusPurpose, in state: any StateReader) throws -> UInt64? {
        try state.value(namespace: CredentialLedgerState.statusHead, key: CredentialLedgerState.statusHeadKey(issuer: issuer, purpose: purpose))
            .map { try CredentialLedgerState.integers($0, count: 1)[0] }
    }
}
