import Chain
import DID
import Primitives

/// `authz.grant` (`specs/credentials.md` §5.7): the holder DID records a grant with an id of
/// its choosing; an id is used once.
struct AuthorizationGrantHandler: DIDAuthorizedHandler {
    let type = TransactionType.authorizationGrant

    func validatePayload(_ payload: LedgerPayload, did: DID) throws {
        try payload.only(["id", "grantee", "scope", "purpose", "validFrom", "validUntil"])
        _ = try payload.hex("id", count: 16)
        _ = try payload.did("grantee")
        _ = try Self.scope(payload)
        _ = try payload.string("purpose")
        guard try payload.integer("validFrom") < payload.integer("validUntil") else {
            throw ChainError.invalidBody("'validFrom' must be before 'validUntil'.")
        }
    }

    func applyPayload(_ payload: LedgerPayload, did: DID, transaction: Transaction, context: TransactionContext,
                      state: StateTransaction) throws {
        let id = try payload.hex("id", count: 16)
        guard try state.value(namespace: CredentialLedgerState.authorization, key: id) == nil else {
            throw ChainError(.alreadyExists, "A grant with id \(Hex.encode(id)) exists; choose 16 new random bytes.")
        }
        let record = AuthorizationRecord(id: id, holder: did, grantee: try payload.did("grantee"), scope: try Self.scope(payload),
                                         purpose: try payload.string("purpose"), validFrom: try payload.integer("validFrom"),
                                         validUntil: try payload.integer("validUntil"), granted: context.time, revoked: nil)
        state.put(namespace: CredentialLedgerState.authorization, key: id, value: record.stateBytes)
    }

    private static func scope(_ payload: LedgerPayload) throws -> [String] {
        let values = try payload.array("scope")
        let items = values.compactMap(\.stringValue).filter { !$0.isEmpty }
        guard !items.isEmpty, items.count == values.count else {
            throw ChainError.invalidBody("'scope' must be a non-empty array of CPT identifiers or resource URIs.")
        }
        return items
    }
}
