public import Primitives

extension Transaction {
    /// The stateless checks of `specs/chain.md` §2.5 steps 1, 3 and 4: chain id and crypto
    /// suite, the membership service's certificate and the one-time key's signature. Cheap to
    /// run concurrently.
    /// - Parameters:
    ///   - chainId: this chain's id.
    ///   - membershipServiceKey: the certificate signer named in genesis, with the chain's suite.
    /// - Returns: `nil` when every check passes, otherwise the refusal.
    public func verifySignatures(chainId expectedChainId: String, membershipServiceKey: MembershipServiceKey) -> ChainError? {
        guard chainId == expectedChainId else {
            return ChainError(.wrongChain, "The transaction is for chain '\(chainId)', not '\(expectedChainId)'.")
        }
        let chainSuite = membershipServiceKey.suite
        guard suite == chainSuite else { return chainSuite.refusal(of: "transaction", in: suite) }
        let certificateMessage = OneTimeKeyCertificate.message(suite: suite, chainId: chainId, epoch: epoch,
                                                               oneTimeKey: oneTimeKey, envelope: envelope)
        guard suite.signature.isValidSignature(certificate, publicKey: membershipServiceKey.publicKey, message: certificateMessage) else {
            return ChainError(.badCertificate, "The one-time key's certificate was not issued by this chain's membership service.")
        }
        guard suite.signature.isValidPublicKey(oneTimeKey) else {
            return ChainError(.badSignature, "The one-time key is not a valid \(suite.signature) key.")
        }
        let message = Self.signingMessage(suite: suite, chainId: chainId, type: type, body: body, epoch: epoch,
                                          oneTimeKey: oneTimeKey, certificate: certificate, envelope: envelope)
        guard suite.signature.isValidSignature(signature, publicKey: oneTimeKey, message: message) else {
            return ChainError(.badSignature, "The transaction's signature does not verify under its one-time key.")
        }
        return nil
    }
}
