import Chain
import DID
import Primitives

/// A handler of one DID-authorised credential-ledger transaction type: the shared body parsing
/// and authority check (`specs/credentials.md` §5.1), then the type's own payload rules.
protocol DIDAuthorizedHandler: TransactionHandler {
    /// Checks the payload without state; `did` is the body's DID as written.
    func validatePayload(_ payload: LedgerPayload, did: DID) throws

    /// Applies an operation already proven to be by a current key of `did` (canonical form).
    func applyPayload(_ payload: LedgerPayload, did: DID, transaction: Transaction, context: TransactionContext,
                      state: StateTransaction) throws
}

extension DIDAuthorizedHandler {
    func validateStructure(of transaction: Transaction) throws {
        let operation = try operation(of: transaction)
        _ = try DIDAuthority.canonical(operation.did, chainId: transaction.chainId)
        try validatePayload(LedgerPayload(operation.payload, type: type), did: operation.did)
        _ = try operation.signer(chainId: transaction.chainId)
    }

    func apply(_ transaction: Transaction, context: TransactionContext, state: StateTransaction) throws {
        let operation = try operation(of: transaction)
        let did = try DIDAuthority.canonical(operation.did, chainId: context.chainId)
        try DIDAuthority.require(try operation.signer(chainId: context.chainId), isCurrentKeyOf: did, state: state)
        let payload = LedgerPayload(operation.payload, type: type)
        try validatePayload(payload, did: operation.did)
        try applyPayload(payload, did: did, transaction: transaction, context: context, state: state)
    }

    private func operation(of transaction: Transaction) throws -> DIDAuthorizedOperation {
        do { return try DIDAuthorizedOperation(type: type, body: transaction.body) } catch let error as CredentialsError {
            throw ChainError.invalidBody(error.reason)
        }
    }
}
