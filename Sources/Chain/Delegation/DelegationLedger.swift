import Primitives

/// The chain-side checks of a delegated operation (`specs/custody.md` "Delegated accounts"),
/// for the handler of the operation's type: the delegation exists, is neither revoked nor
/// expired, covers the purpose, and the delegate's window has room; each use is counted in
/// namespace `delegation.use` as `u64 window ‖ u64 count`.
public enum DelegationLedger {
    /// The delegation `id` if it is in force at block time `time`.
    /// - Throws: `ChainError.notFound`, `.revokedDelegation` or `.expiredDelegation`.
    public static func active(_ id: DelegationID, at time: UInt64, state: any StateReader) throws -> DelegationRecord {
        guard let bytes = try state.value(namespace: ChainNamespace.delegation, key: id.bytes) else {
            throw ChainError(.notFound, "No delegation \(id) exists on this chain; the delegator must grant one first.")
        }
        let record = try DelegationRecord(canonicalBytes: bytes)
        if let revokedAt = record.revokedAt {
            throw ChainError(.revokedDelegation, "Delegation \(id) was revoked by its delegator at block time \(revokedAt).")
        }
        guard time < record.terms.validUntil else {
            throw ChainError(.expiredDelegation, "Delegation \(id) expired at \(record.terms.validUntil); ask the delegator for a new one.")
        }
        return record
    }

    /// Checks that `record` covers `purpose` and counts one use in the window of `time`.
    /// - Throws: `ChainError.unauthorized` for another purpose, `.rateLimited` when the window is used up.
    public static func consume(_ record: DelegationRecord, for purpose: DelegationPurpose, at time: UInt64,
                               state: StateTransaction) throws {
        guard record.terms.purposes.contains(purpose) else {
            throw ChainError.unauthorized("Delegation \(record.id) is for \(record.terms.purposes.map(\.name).joined(separator: ", ")), not \(purpose); this operation needs a \(purpose) delegation.")
        }
        let limit = record.terms.rateLimit
        let window = limit.window(atMilliseconds: time)
        var used: UInt64 = 0
        if let bytes = try state.value(namespace: ChainNamespace.delegationUse, key: record.id.bytes) {
            var reader = ByteReader(bytes)
            let (storedWindow, storedCount) = (try reader.u64(), try reader.u64())
            if storedWindow == window { used = storedCount }
        }
        guard used < limit.count else {
            throw ChainError(.rateLimited, "Delegation \(record.id) allows \(limit.count) operations per \(limit.perMilliseconds) ms and this window is used up; retry at or after \(limit.nextWindowStart(afterMilliseconds: time)).")
        }
        var writer = ByteWriter(capacity: 16)
        writer.u64(window)
        writer.u64(used + 1)
        state.put(namespace: ChainNamespace.delegationUse, key: record.id.bytes, value: writer.bytes)
    }
}
