public import Primitives

/// The fixed-length envelope that tells the auditor, and only the auditor, which member used a
/// one-time key (`specs/chain.md` §2.4).
public struct AuditorEnvelope: Sendable, Hashable {
    /// The member the key was issued to.
    public let memberHandle: MemberHandle
    /// The one-time key: 32 bytes (BIP-340) or 33 (compressed SM2, the sm suite).
    public let oneTimeKey: [UInt8]
    /// The epoch of issuance.
    public let epoch: UInt64

    /// Creates the plaintext of an envelope.
    public init(memberHandle: MemberHandle, oneTimeKey: [UInt8], epoch: UInt64) {
        self.memberHandle = memberHandle
        self.oneTimeKey = oneTimeKey
        self.epoch = epoch
    }

    /// Seals the 72-byte plaintext (73 with an SM2 key) to the auditor's X25519 key: the sm
    /// suite keeps this sealed box, GM/T defining none (`specs/audit.md` §1).
    /// - Returns: 120 bytes (121 with an SM2 key).
    /// - Throws: `ChainError.invalidBody` if the auditor key is unusable.
    public func sealed(to auditor: X25519PublicKey) throws(ChainError) -> [UInt8] {
        var writer = ByteWriter(capacity: 73)
        writer.raw(memberHandle.bytes)
        writer.raw(oneTimeKey)
        writer.u64(epoch)
        do { return try SealedBox.seal(writer.bytes, to: auditor) } catch {
            throw ChainError.invalidBody("The auditor's encryption key cannot be sealed to.")
        }
    }

    /// Opens an envelope with the auditor's private key.
    /// - Throws: `ChainError.unauthorized` when the key does not open it, `.malformedTransaction`
    ///   when the plaintext is not 72 or 73 bytes.
    public init(opening envelope: [UInt8], with key: X25519PrivateKey) throws(ChainError) {
        let plaintext: [UInt8]
        do { plaintext = try SealedBox.open(envelope, with: key) } catch {
            throw ChainError.unauthorized("This auditor key does not open the envelope.")
        }
        guard let suite = ChainCryptoSuite.all.first(where: { $0.envelopePlaintextSize == plaintext.count }) else {
            throw .malformed("An envelope holds 72 or 73 bytes, not \(plaintext.count).")
        }
        var reader = ByteReader(plaintext)
        memberHandle = try MemberHandle(bytes: reader.raw(32))
        oneTimeKey = try reader.raw(suite.signature.publicKeyLength)
        epoch = try reader.u64()
    }
}
