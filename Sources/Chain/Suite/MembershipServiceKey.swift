public import Primitives

/// The membership service's public key as genesis names it, with the chain's suite: the key
/// every one-time key certificate verifies under (`specs/chain.md` §2.3, §9).
public struct MembershipServiceKey: Sendable, Hashable {
    /// The chain's crypto suite, whose signature scheme the key belongs to.
    public let suite: ChainCryptoSuite
    /// The key: 32-byte BIP-340 x-only, or 33-byte compressed SM2.
    public let publicKey: [UInt8]

    /// Parses a key of `suite`'s scheme.
    /// - Parameters:
    ///   - publicKey: the key's bytes.
    ///   - suite: the chain's suite.
    /// - Throws: `ChainError.invalidGenesis` when the bytes are not a key of that scheme.
    public init(_ publicKey: [UInt8], suite: ChainCryptoSuite) throws(ChainError) {
        guard suite.signature.isValidPublicKey(publicKey) else {
            throw ChainError(.invalidGenesis, "The membership service key is not a \(suite.signature.publicKeyLength)-byte \(suite.signature) key.")
        }
        self.suite = suite
        self.publicKey = publicKey
    }
}
