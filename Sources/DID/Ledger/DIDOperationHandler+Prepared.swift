public import Chain

extension DIDOperationHandler {
    /// What the stateless step of a DID operation computes once (`specs/chain.md` §2.6): the
    /// parsed body, the DID in canonical form, the key recovered from the proof and, for a
    /// creation, the DID that key incepts. Apply compares these with state and reads nothing
    /// from the body again.
    public struct Prepared: Sendable {
        /// The parsed body.
        public let operation: DIDOperation
        /// The body's DID in canonical (EIP-55) form.
        public let did: DID
        /// The key that made the proof.
        public let signer: PublicKeyMaterial
        /// For `did.create`, the DID `signer` incepts on this chain; `nil` otherwise or for a
        /// key of a curve that incepts none.
        public let incepted: DID?
    }
}
