import Chain
public import DID

extension CredentialLedger {
    /// A status list with its bits and allocation mark (two state reads).
    /// - Parameter id: `<issuer DID>/status/<purpose>/<n>`, the DID in canonical (EIP-55) form.
    /// - Returns: the list, or `nil` when no anchor has created it.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    public func statusList(id: String) throws -> StatusListRecord? {
        guard let bits = try state.value(namespace: CredentialLedgerState.statusBits, key: CredentialLedgerState.text(id)) else { return nil }
        guard let parsed = StatusListID(id), let meta = try StatusListMeta.read(id, from: state),
              let list = try? BitstringStatusList(bytes: bits, statusSize: 1) else {
            throw ChainError(.corruptLedger, "The stored status list \(id) cannot be read.")
        }
        return StatusListRecord(id: id, issuer: parsed.issuer, purpose: parsed.purpose, list: list,
                                allocated: meta.allocated, updated: meta.updated)
    }

    /// How many `status.update`s have applied to one index (one state read): the `counter` the
    /// next update of that index signs.
    /// - Parameters:
    ///   - list: the list id, the DID in canonical form.
    ///   - index: the status index.
    /// - Returns: 0 before the first update.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    public func statusUpdateCounter(list: String, index: Int) throws -> UInt64 {
        try StatusUpdateCounter.read(list: list, index: index, from: state)
    }

    /// An anchored Merkle root (one state read).
    /// - Parameter root: the 32-byte root.
    /// - Returns: the anchor, or `nil` when the root was never anchored.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    public func anchor(root: [UInt8]) throws -> AnchorRecord? {
        try state.value(namespace: CredentialLedgerState.evidence, key: root).map { try AnchorRecord(root: root, stateBytes: $0) }
    }

    /// The status ranges the issuer's next batch of `count` credentials takes, computed from
    /// current state: the rest of the newest list, then new lists as needed. Put them in the
    /// batch's `evidence.anchor`; if another batch of the issuer is anchored first, the chain
    /// refuses this one and the issuer plans again.
    /// - Parameters:
    ///   - issuer: the issuer's DID in canonical form.
    ///   - purpose: `revocation` or `suspension`.
    ///   - count: the number of credentials, at least 1.
    /// - Returns: consecutive allocations covering `count` indexes.
    /// - Throws: `CredentialsError.invalidLedgerRequest` for another purpose or a zero count;
    ///   `ChainError.storageFailure` or `.corruptLedger`.
    public func plannedAllocations(issuer: DID, purpose: StatusPurpose, count: Int) throws -> [StatusAllocation] {
        guard StatusListID.purposes.contains(purpose), count >= 1 else {
            throw CredentialsError.invalidLedgerRequest("Allocations are planned for revocation or suspension lists and at least one credential.")
        }
        let capacity = CredentialLedgerState.statusListCapacity
        var number: UInt64 = 0
        var next = 0
        if let newest = try StatusListMeta.newestList(issuer: issuer, purpose: purpose, in: state) {
            let id = StatusListID(issuer: issuer, purpose: purpose, number: newest)
            guard let meta = try StatusListMeta.read(id.description, from: state) else {
                throw ChainError(.corruptLedger, "The newest status list \(id) has no allocation record.")
            }
            (number, next) = meta.allocated < capacity ? (newest, meta.allocated) : (newest + 1, 0)
        }
        var allocations: [StatusAllocation] = []
        var remaining = count
        while remaining > 0 {
            let taken = min(remaining, capacity - next)
            let id = StatusListID(issuer: issuer, purpose: purpose, number: number)
            allocations.append(StatusAllocation(purpose: purpose, list: id.description, from: next, count: taken))
            remaining -= taken
            (number, next) = (number + 1, 0)
        }
        return allocations
    }
}
