import Chain
import DID
import Primitives

/// A handler of one DID-authorised credential-ledger transaction type: the shared body parsing,
/// authority check and, for nonce-bound types, single use (`specs/credentials.md` §5.1), then
/// the type's own payload rules. Parsing and signer recovery happen once, in `prepare`.
protocol DIDAuthorizedHandler: TransactionHandler where Prepared == PreparedLedgerOperation {
    /// Whether the payload carries a `nonce` and the operation's digest is recorded so that it
    /// applies once; the other types bind their bodies to the state they change themselves.
    var isNonceBound: Bool { get }

    /// Checks the payload without state; `did` is the body's DID as written.
    func validatePayload(_ payload: LedgerPayload, did: DID) throws

    /// Applies an operation already proven to be by a current key of `did` (canonical form).
    func applyPayload(_ payload: LedgerPayload, did: DID, transaction: Transaction, context: TransactionContext,
                      state: StateTransaction) throws
}

extension DIDAuthorizedHandler {
    var isNonceBound: Bool { false }

    func prepare(_ transaction: Transaction) throws -> PreparedLedgerOperation {
        let operation = try operation(of: transaction)
        let did = try DIDAuthority.canonical(operation.did, chainId: transaction.chainId)
        let payload = LedgerPayload(operation.payload, type: type)
        try validate(payload, did: operation.did)
        // The digest covers the nonce, so a fresh body is new and a wrapped copy is not.
        let digest = isNonceBound
            ? DIDAuthorizedOperation.digest(chainId: transaction.chainId, type: type, did: operation.did, payload: operation.payload)
            : nil
        return PreparedLedgerOperation(operation: operation, payload: payload, did: did,
                                       signer: try operation.signingKey(chainId: transaction.chainId), digest: digest)
    }

    func apply(_ prepared: PreparedLedgerOperation, of transaction: Transaction, context: TransactionContext,
               state: StateTransaction) throws {
        try DIDAuthority.require(prepared.signer, isCurrentKeyOf: prepared.did, state: state)
        if let digest = prepared.digest { try AppliedBodyDigests.claim(digest, height: context.height, state: state) }
        try applyPayload(prepared.payload, did: prepared.did, transaction: transaction, context: context, state: state)
    }

    private func validate(_ payload: LedgerPayload, did: DID) throws {
        if isNonceBound { _ = try payload.hex("nonce", count: 16) }
        try validatePayload(payload, did: did)
    }

    private func operation(of transaction: Transaction) throws -> DIDAuthorizedOperation {
        do { return try DIDAuthorizedOperation(type: type, body: transaction.body) } catch let error as CredentialsError {
            throw ChainError.invalidBody(error.reason)
        }
    }
}
