import Chain
import DID
import Primitives

/// What the stateless step of a DID-authorised credential-ledger transaction computes once
/// (`specs/chain.md` §2.6): the parsed operation and payload, the DID in canonical form, the key
/// that signed it and, for nonce-bound types, the digest recorded so the body applies once.
/// Apply checks these against state (the signer is a current key of the DID, the digest is
/// unclaimed) and does not parse the body again.
struct PreparedLedgerOperation: Sendable {
    /// The parsed body.
    let operation: DIDAuthorizedOperation
    /// Its payload, already checked by the type's `validatePayload`.
    let payload: LedgerPayload
    /// The operation's DID in canonical form.
    let did: DID
    /// The key that signed the operation.
    let signer: PublicKeyMaterial
    /// The body's digest for a nonce-bound type, `nil` otherwise.
    let digest: [UInt8]?
}
