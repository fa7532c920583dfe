import Primitives
public import KeyCustody

/// A chain transaction: a typed opaque body submitted under a certified one-time key with a
/// sealed auditor envelope (`specs/chain.md` §2). Parsing checks the structure only; signatures
/// are checked by ``verifySignatures(membershipServiceKey:)`` and state by the block builder.
public struct Transaction: Sendable, Hashable {
    /// The only wire version defined.
    public static let version: UInt8 = 1
    /// The largest accepted wire size in bytes.
    public static let maximumSize = 65_536
    /// The fixed size of the auditor envelope of the standard suite: 72 bytes sealed
    /// (`crypto_box_seal` adds 48); see ``ChainCryptoSuite/envelopeSize`` for the sm suite's.
    public static let envelopeSize = 120

    /// The crypto suite, named by the first wire byte (`specs/chain.md` §9.2).
    public let suite: ChainCryptoSuite
    /// The chain this transaction is for.
    public let chainId: String
    /// The registered type that interprets ``body``.
    public let type: TransactionType
    /// The type-specific body bytes.
    public let body: [UInt8]
    /// The membership epoch of the one-time key.
    public let epoch: UInt64
    /// The one-time key that signed: 32-byte BIP-340 or 33-byte compressed SM2.
    public let oneTimeKey: [UInt8]
    /// The membership service's certificate over the key, epoch and envelope hash.
    public let certificate: [UInt8]
    /// The member handle, key and epoch sealed to the auditor.
    public let envelope: [UInt8]
    /// The one-time key's signature (§2.2).
    public let signature: [UInt8]
    /// The exact wire bytes.
    public let encoded: [UInt8]
    /// H of ``encoded``: SHA-256, or SM3 in the sm suite.
    public let id: TransactionID

    /// Parses wire bytes, checking sizes and exact consumption.
    /// - Throws: `ChainError` `.oversizedTransaction` or `.malformedTransaction`.
    public init(decoding wire: [UInt8]) throws(ChainError) {
        guard wire.count <= Self.maximumSize else {
            throw ChainError(.oversizedTransaction, "The transaction is \(wire.count) bytes; the limit is \(Self.maximumSize).")
        }
        var reader = ByteReader(wire)
        let first = try reader.u8()
        guard let suite = ChainCryptoSuite.decoding(wireByte: first), first & 0x0F == Self.version else {
            throw .malformed("Transaction format byte \(first) names no supported version and crypto suite.")
        }
        self.suite = suite
        chainId = try reader.string(maxLength: 256)
        type = TransactionType(try reader.string(maxLength: 128))
        body = try reader.bytes(maxLength: Self.maximumSize)
        epoch = try reader.u64()
        oneTimeKey = try reader.raw(suite.signature.publicKeyLength)
        certificate = try reader.raw(64)
        envelope = try reader.raw(suite.envelopeSize)
        signature = try reader.raw(64)
        try reader.finish()
        encoded = wire
        id = TransactionID(hashing: wire, with: suite.hash)
    }

    /// Assembles and signs a transaction with a certified one-time key.
    /// - Parameters:
    ///   - type: the registered type.
    ///   - body: the type's body bytes.
    ///   - chainId: the chain's id.
    ///   - key: a one-time key; it must not be used again. Its scheme picks the suite: a
    ///     BIP-340 key makes a standard transaction, an SM2 key an sm one.
    /// - Throws: `ChainError.oversizedTransaction` when the result exceeds the size limit.
    public init(type: TransactionType, body: [UInt8], chainId: String, oneTimeKey key: OneTimeKeyCredential) throws(ChainError) {
        let suite = ChainCryptoSuite(signingWith: key.privateKey.scheme)
        let message = Self.signingMessage(suite: suite, chainId: chainId, type: type, body: body, epoch: key.epoch,
                                          oneTimeKey: key.publicKey, certificate: key.certificate, envelope: key.envelope)
        guard let signature = try? key.privateKey.signature(for: message) else {
            throw ChainError(.badSignature, "The one-time key could not sign.")
        }
        var writer = ByteWriter(capacity: body.count + 320)
        writer.u8(suite.wireByte(version: Self.version))
        writer.string(chainId)
        writer.string(type.name)
        writer.bytes(body)
        writer.u64(key.epoch)
        writer.raw(key.publicKey)
        writer.raw(key.certificate)
        writer.raw(key.envelope)
        writer.raw(signature)
        try self.init(decoding: writer.bytes)
    }

    /// The tagged hash the one-time key signs (`specs/chain.md` §2.2).
    static func signingMessage(suite: ChainCryptoSuite, chainId: String, type: TransactionType, body: [UInt8], epoch: UInt64,
                               oneTimeKey: [UInt8], certificate: [UInt8], envelope: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: body.count + 256)
        writer.string(chainId)
        writer.u8(version)
        writer.string(type.name)
        writer.bytes(body)
        writer.u64(epoch)
        writer.raw(oneTimeKey)
        writer.raw(certificate)
        writer.raw(suite.hash.digest(envelope))
        return suite.taggedHash("chancery/transaction/v1", writer.bytes)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.encoded == rhs.encoded }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
