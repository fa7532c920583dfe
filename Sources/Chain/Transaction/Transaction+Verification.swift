public import Primitives

extension Transaction {
    /// The stateless checks of `specs/chain.md` §2.5 steps 1, 3 and 4: chain id, the membership
    /// service's certificate and the one-time key's signature. Cheap to run concurrently.
    /// - Parameters:
    ///   - chainId: this chain's id.
    ///   - membershipServiceKey: the certificate signer named in genesis.
    /// - Returns: `nil` when every check passes, otherwise the refusal.
    public func verifySignatures(chainId expectedChainId: String, membershipServiceKey: Secp256k1XOnlyPublicKey) -> ChainError? {
        guard chainId == expectedChainId else {
            return ChainError(.wrongChain, "The transaction is for chain '\(chainId)', not '\(expectedChainId)'.")
        }
        let certificateMessage = OneTimeKeyCertificate.message(chainId: chainId, epoch: epoch, oneTimeKey: oneTimeKey,
                                                               envelope: envelope)
        guard membershipServiceKey.isValidSchnorrSignature(certificate, for: certificateMessage) else {
            return ChainError(.badCertificate, "The one-time key's certificate was not issued by this chain's membership service.")
        }
        guard let key = try? Secp256k1XOnlyPublicKey(oneTimeKey) else {
            return ChainError(.badSignature, "The one-time key is not a valid BIP-340 key.")
        }
        let message = Self.signingMessage(chainId: chainId, type: type, body: body, epoch: epoch, oneTimeKey: oneTimeKey,
                                          certificate: certificate, envelope: envelope)
        guard key.isValidSchnorrSignature(signature, for: message) else {
            return ChainError(.badSignature, "The transaction's signature does not verify under its one-time key.")
        }
        return nil
    }
}
