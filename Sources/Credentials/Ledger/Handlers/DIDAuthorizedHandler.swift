import Chain
import DID
import Primitives

/// A handler of one DID-authorised credential-ledger transaction type: the shared body parsing,
/// authority check and, for nonce-bound types, single use (`specs/credentials.md` §5.1), then
/// the type's own payload rules.
protocol DIDAuthorizedHandler: TransactionHandler {
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

    func validateStructure(of transaction: Transaction) throws {
        let operation = try operation(of: transaction)
        _ = try DIDAuthority.canonical(operation.did, chainId: transaction.chainId)
        try validate(LedgerPayload(operation.payload, type: type), did: operation.did)
        _ = try operation.signingKey(chainId: transaction.chainId)
    }

    func apply(_ transaction: Transaction, context: TransactionContext, state: StateTransaction) throws {
        let operation = try operation(of: transaction)
        let did = try DIDAuthority.canonical(operation.did, chainId: context.chainId)
        try DIDAuthority.require(try operation.signingKey(chainId: context.chainId), isCurrentKeyOf: did, state: state)
        let payload = LedgerPayload(operation.payload, type: type)
        try validate(payload, did: operation.did)
        if isNonceBound {
            // The digest covers the nonce, so a fresh body is new and a wrapped copy is not.
            let digest = DIDAuthorizedOperation.digest(chainId: context.chainId, type: type, did: operation.did, payload: operation.payload)
            try AppliedBodyDigests.claim(digest, height: context.height, state: state)
        }
        try applyPayload(payload, did: did, transaction: transaction, context: context, state: state)
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
