import Chain
import DID
import Primitives

/// `status.update` (`specs/credentials.md` §5.5): `{"list", "index", "value": 0|1, "counter"}`
/// by the list's issuer, for an allocated index, naming the index's update counter so that
/// each signed update applies once. A set revocation bit is final.
struct StatusUpdateHandler: DIDAuthorizedHandler {
    let type = TransactionType.statusUpdate

    func validatePayload(_ payload: LedgerPayload, did: DID) throws {
        try payload.only(["list", "index", "value", "counter"])
        _ = try payload.integer("counter")
        guard StatusListID(try payload.string("list")) != nil else {
            throw ChainError.invalidBody("'list' is not '<issuer DID>/status/<revocation|suspension>/<n>'.")
        }
        guard try payload.integer("index") < CredentialLedgerState.statusListCapacity else {
            throw ChainError.invalidBody("'index' is beyond the \(CredentialLedgerState.statusListCapacity) statuses of a list.")
        }
        guard try payload.integer("value") <= 1 else { throw ChainError.invalidBody("'value' must be 0 or 1.") }
    }

    func applyPayload(_ payload: LedgerPayload, did: DID, transaction: Transaction, context: TransactionContext,
                      state: StateTransaction) throws {
        guard let parsed = StatusListID(try payload.string("list")) else { throw ChainError.invalidBody("'list' is malformed.") }
        let id = StatusListID(issuer: try DIDAuthority.canonical(parsed.issuer, chainId: context.chainId),
                              purpose: parsed.purpose, number: parsed.number)
        guard id.issuer == did else { throw ChainError.unauthorized("Only \(id.issuer) updates its status list \(id).") }
        let key = CredentialLedgerState.text(id.description)
        guard var meta = try StatusListMeta.read(id.description, from: state),
              let bits = try state.value(namespace: CredentialLedgerState.statusBits, key: key) else {
            throw ChainError(.notFound, "Status list \(id) does not exist; anchor a batch to allocate it.")
        }
        let index = Int(try payload.integer("index"))
        guard index < meta.allocated else {
            throw ChainError(.notFound, "Index \(index) of \(id) is not allocated; \(meta.allocated) indexes are.")
        }
        let counter = try StatusUpdateCounter.read(list: id.description, index: index, from: state)
        let signedFor = try payload.integer("counter")
        guard signedFor == counter else {
            throw ChainError(.staleStatusCounter, "Index \(index) of \(id) has had \(counter) updates, not \(signedFor): this body is a replay or was signed from older state; read the counter and sign again.")
        }
        StatusUpdateCounter.write(counter + 1, list: id.description, index: index, to: state)
        var list = try BitstringStatusList(bytes: bits, statusSize: 1)
        let value = try payload.integer("value") == 1
        if id.purpose == .revocation, !value, try list.bit(at: index) {
            throw ChainError.unauthorized("A revoked status is final; index \(index) of \(id) cannot be cleared.")
        }
        try list.setBit(at: index, to: value)
        meta.updated = context.time
        state.put(namespace: CredentialLedgerState.statusBits, key: key, value: list.bytes)
        meta.write(id.description, to: state)
    }
}
