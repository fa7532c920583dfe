import Chain
import DID
import Primitives

/// `authz.revoke` (`specs/credentials.md` §5.7): `{"id"}`, by the grant's holder only.
struct AuthorizationRevokeHandler: DIDAuthorizedHandler {
    let type = TransactionType.authorizationRevoke

    func validatePayload(_ payload: LedgerPayload, did: DID) throws {
        try payload.only(["id"])
        _ = try payload.hex("id", count: 16)
    }

    func applyPayload(_ payload: LedgerPayload, did: DID, transaction: Transaction, context: TransactionContext,
                      state: StateTransaction) throws {
        let id = try payload.hex("id", count: 16)
        guard let bytes = try state.value(namespace: CredentialLedgerState.authorization, key: id) else {
            throw ChainError(.notFound, "No grant has id \(Hex.encode(id)).")
        }
        var record = try AuthorizationRecord(stateBytes: bytes)
        guard record.holder == did else { throw ChainError.unauthorized("Only the grant's holder \(record.holder) revokes it.") }
        guard record.revoked == nil else { throw ChainError(.alreadyExists, "Grant \(Hex.encode(id)) is already revoked.") }
        record.revoked = context.time
        state.put(namespace: CredentialLedgerState.authorization, key: id, value: record.stateBytes)
    }
}
