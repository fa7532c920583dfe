import Chain
import DID
import Primitives

/// `cpt.register` (`specs/credentials.md` §5.2): `{"schema", "number"?, "nonce"}`. Without a
/// number the schema becomes version 1 of the next CPT number; with one, the next version of
/// that CPT, which only its author may add. Each signed body applies once.
struct CPTRegisterHandler: DIDAuthorizedHandler {
    let type = TransactionType.cptRegister
    let isNonceBound = true

    func validatePayload(_ payload: LedgerPayload, did: DID) throws {
        try payload.only(["schema", "number", "nonce"])
        _ = try schema(of: payload)
        _ = try payload.optionalInteger("number")
    }

    func applyPayload(_ payload: LedgerPayload, did: DID, transaction: Transaction, context: TransactionContext,
                      state: StateTransaction) throws {
        let id: CPTIdentifier
        if let number = try payload.optionalInteger("number") {
            guard let head = try SchemaHead.read(number: number, from: state) else {
                throw ChainError(.notFound, "CPT \(number) does not exist; omit 'number' to register a new CPT.")
            }
            guard head.author == did.description else {
                throw ChainError.unauthorized("Only CPT \(number)'s author \(head.author) registers new versions of it.")
            }
            id = CPTIdentifier(number: number, version: head.version + 1)
        } else {
            let counterKey = CredentialLedgerState.text("cpt")
            let number = try state.value(namespace: CredentialLedgerState.counter, key: counterKey)
                .map { try CredentialLedgerState.integers($0, count: 1)[0] } ?? CredentialLedgerState.firstCPTNumber
            state.put(namespace: CredentialLedgerState.counter, key: counterKey, value: CredentialLedgerState.u64(number + 1))
            id = CPTIdentifier(number: number, version: 1)
        }
        let record = RegisteredSchema(id: id, schema: try schema(of: payload), author: did, registered: context.time,
                                      transaction: transaction.id)
        state.put(namespace: CredentialLedgerState.schema, key: CredentialLedgerState.schemaKey(id), value: record.stateBytes)
        SchemaHead(version: id.version, author: did.description).write(number: id.number, to: state)
        state.put(namespace: CredentialLedgerState.schemaByTransaction, key: transaction.id.bytes,
                  value: CredentialLedgerState.schemaKey(id))
    }

    private func schema(of payload: LedgerPayload) throws -> CredentialSchema {
        guard let document = payload.object["schema"] else {
            throw ChainError.invalidBody("The cpt.register payload needs a 'schema'.")
        }
        do {
            let schema = try CredentialSchema(document)
            try schema.checkRegistrable()
            return schema
        } catch let error as CredentialsError {
            throw ChainError.invalidBody("The schema is refused: \(error.reason)")
        }
    }
}
