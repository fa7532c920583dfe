import Chain
import DID
import Primitives

/// `evidence.anchor` (`specs/credentials.md` §5.6): `{"root", "count", "allocations"}` by the
/// issuer. Records a new Merkle root and allocates status ranges, each starting exactly at its
/// list's next free index, so two batches planned from the same state cannot both apply.
struct EvidenceAnchorHandler: DIDAuthorizedHandler {
    let type = TransactionType.evidenceAnchor

    func validatePayload(_ payload: LedgerPayload, did: DID) throws {
        try payload.only(["root", "count", "allocations"])
        _ = try payload.hex("root", count: 32)
        let count = try payload.integer("count")
        guard count >= 1 else { throw ChainError.invalidBody("'count' must be at least 1.") }
        var perPurpose: [StatusPurpose: Int] = [:]
        for allocation in try Self.allocations(payload) {
            perPurpose[allocation.purpose, default: 0] += allocation.count
        }
        if let excess = perPurpose.first(where: { UInt64($0.value) > count }) {
            throw ChainError.invalidBody("\(excess.value) \(excess.key) indexes are allocated for a batch of \(count) credentials.")
        }
    }

    func applyPayload(_ payload: LedgerPayload, did: DID, transaction: Transaction, context: TransactionContext,
                      state: StateTransaction) throws {
        let root = try payload.hex("root", count: 32)
        guard try state.value(namespace: CredentialLedgerState.evidence, key: root) == nil else {
            throw ChainError(.alreadyExists, "This Merkle root is already anchored; each batch has its own root.")
        }
        for allocation in try Self.allocations(payload) {
            try allocate(allocation, issuer: did, context: context, state: state)
        }
        let record = AnchorRecord(root: root, issuer: did, count: try payload.integer("count"), height: context.height,
                                  time: context.time, transaction: transaction.id)
        state.put(namespace: CredentialLedgerState.evidence, key: root, value: record.stateBytes)
    }

    private func allocate(_ allocation: StatusAllocation, issuer: DID, context: TransactionContext, state: StateTransaction) throws {
        guard let parsed = StatusListID(allocation.list),
              try DIDAuthority.canonical(parsed.issuer, chainId: context.chainId) == issuer else {
            throw ChainError.unauthorized("\(allocation.list) is not a status list of \(issuer).")
        }
        let id = StatusListID(issuer: issuer, purpose: parsed.purpose, number: parsed.number)
        let capacity = CredentialLedgerState.statusListCapacity
        var meta: StatusListMeta
        if let existing = try StatusListMeta.read(id.description, from: state) {
            meta = existing
        } else {
            let newest = try StatusListMeta.newestList(issuer: issuer, purpose: id.purpose, in: state)
            let expected = newest.map { $0 + 1 } ?? 0
            if let newest, let previous = try StatusListMeta.read(StatusListID(issuer: issuer, purpose: id.purpose, number: newest).description,
                                                                    from: state), previous.allocated < capacity {
                throw ChainError(.alreadyExists, "List \(newest) of \(issuer)'s \(id.purpose) lists still has room; plan the allocation again.")
            }
            guard id.number == expected else {
                throw ChainError(.alreadyExists, "The next new \(id.purpose) list of \(issuer) is number \(expected), not \(id.number); plan the allocation again.")
            }
            meta = StatusListMeta(allocated: 0, updated: context.time)
            state.put(namespace: CredentialLedgerState.statusBits, key: CredentialLedgerState.text(id.description),
                      value: [UInt8](repeating: 0, count: capacity / 8))
            state.put(namespace: CredentialLedgerState.statusHead, key: CredentialLedgerState.statusHeadKey(issuer: issuer, purpose: id.purpose),
                      value: CredentialLedgerState.u64(id.number))
        }
        guard allocation.from == meta.allocated else {
            throw ChainError(.alreadyExists, "\(id)'s next free index is \(meta.allocated), not \(allocation.from); another batch took it — plan the allocation again.")
        }
        guard allocation.from + allocation.count <= capacity else {
            throw ChainError.invalidBody("\(allocation.count) indexes from \(allocation.from) overrun \(id)'s \(capacity) statuses; continue in the next list.")
        }
        meta.allocated += allocation.count
        meta.updated = context.time
        meta.write(id.description, to: state)
    }

    /// The payload's allocations, each well formed and naming a list of its own purpose.
    static func allocations(_ payload: LedgerPayload) throws -> [StatusAllocation] {
        try payload.array("allocations").map { value in
            guard let object = value.objectValue, object.count == 4, let purposeText = object["purpose"]?.stringValue,
                  let purpose = try? StatusPurpose(purposeText), let list = object["list"]?.stringValue,
                  let from = LedgerPayload.integer(object["from"]), let count = LedgerPayload.integer(object["count"]), count >= 1,
                  let id = StatusListID(list), id.purpose == purpose else {
                throw ChainError.invalidBody("Each allocation is {\"purpose\", \"list\", \"from\", \"count\" ≥ 1} with a list of that purpose.")
            }
            return StatusAllocation(purpose: purpose, list: list, from: Int(from), count: Int(count))
        }
    }
}
