import Chain
import DID
import Primitives

/// `issuer.apply` (`specs/credentials.md` §5.4): `{"name", "schemas": [numbers], "nonce"}`.
/// Records or extends the DID's application; accreditations already granted are kept. Each
/// signed body applies once.
struct IssuerApplyHandler: DIDAuthorizedHandler {
    let type = TransactionType.issuerApply
    let isNonceBound = true

    func validatePayload(_ payload: LedgerPayload, did: DID) throws {
        try payload.only(["name", "schemas", "nonce"])
        _ = try payload.string("name")
        _ = try Self.numbers(payload)
    }

    func applyPayload(_ payload: LedgerPayload, did: DID, transaction: Transaction, context: TransactionContext,
                      state: StateTransaction) throws {
        let numbers = try Self.numbers(payload)
        for number in numbers where try SchemaHead.read(number: number, from: state) == nil {
            throw ChainError(.notFound, "CPT \(number) does not exist; register it before applying for it.")
        }
        let key = CredentialLedgerState.text(did.description)
        var record = try state.value(namespace: CredentialLedgerState.issuer, key: key).map { try IssuerRecord(stateBytes: $0) }
            ?? IssuerRecord(did: did, name: "", appliedSchemas: [], applied: context.time, accreditations: [:])
        record.name = try payload.string("name")
        record.appliedSchemas = Array(Set(record.appliedSchemas).union(numbers)).sorted()
        record.applied = context.time
        state.put(namespace: CredentialLedgerState.issuer, key: key, value: record.stateBytes)
    }

    /// A non-empty list of CPT numbers.
    static func numbers(_ payload: LedgerPayload) throws -> [UInt64] {
        let values = try payload.array("schemas")
        let numbers = values.compactMap(LedgerPayload.integer)
        guard !values.isEmpty, numbers.count == values.count else {
            throw ChainError.invalidBody("'schemas' must be a non-empty array of CPT numbers.")
        }
        return numbers
    }
}
