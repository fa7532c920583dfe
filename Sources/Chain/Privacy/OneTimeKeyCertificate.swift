import Primitives

/// The membership service's certificate over a one-time key (`specs/chain.md` §2.3).
enum OneTimeKeyCertificate {
    /// The tagged hash the membership service signs.
    static func message(suite: ChainCryptoSuite, chainId: String, epoch: UInt64, oneTimeKey: [UInt8], envelope: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: 96)
        writer.string(chainId)
        writer.u64(epoch)
        writer.raw(oneTimeKey)
        writer.raw(suite.hash.digest(envelope))
        return suite.taggedHash("chancery/otk-certificate/v1", writer.bytes)
    }
}
