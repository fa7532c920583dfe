public import Primitives

/// A header with the signatures of the nodes that produced or applied it.
public struct SignedBlockHeader: Sendable, Hashable {
    /// The header.
    public let header: BlockHeader
    /// The header's hash, computed once.
    public let hash: [UInt8]
    /// Node signatures over ``hash``.
    public var signatures: [NodeSignature]

    /// Signs a header with a node key of the header's suite.
    /// - Throws: `ChainError.wrongCryptoSuite` for a key of another scheme;
    ///   `.storageFailure` if signing fails (it should not).
    public init(header: BlockHeader, signedBy nodeKey: SigningKey) throws(ChainError) {
        guard nodeKey.scheme == header.suite.signature else {
            throw header.suite.refusal(of: "node key", in: ChainCryptoSuite(signingWith: nodeKey.scheme))
        }
        self.header = header
        hash = header.hash
        guard let signature = try? nodeKey.signature(for: hash) else { throw .storage("The node key could not sign the block.") }
        signatures = [NodeSignature(nodeKey: nodeKey.publicKey, signature: signature)]
    }

    /// Signs a header with a secp256k1 node key (BIP-340, the standard suite).
    /// - Throws: as the form taking a `SigningKey`.
    public init(header: BlockHeader, signedBy nodeKey: Secp256k1PrivateKey) throws(ChainError) {
        try self.init(header: header, signedBy: SigningKey.bip340(nodeKey))
    }

    /// Reassembles a stored header and its signatures.
    public init(header: BlockHeader, signatures: [NodeSignature]) {
        self.header = header
        hash = header.hash
        self.signatures = signatures
    }

    /// The signatures' canonical bytes, for storage.
    var encodedSignatures: [UInt8] {
        var writer = ByteWriter(capacity: signatures.count * 96 + 1)
        writer.varint(UInt64(signatures.count))
        for s in signatures { writer.raw(s.nodeKey); writer.raw(s.signature) }
        return writer.bytes
    }

    /// Parses stored signatures whose node keys are `keyLength` bytes (the suite's).
    static func decodeSignatures(_ bytes: [UInt8], keyLength: Int) throws(ChainError) -> [NodeSignature] {
        do {
            var reader = ByteReader(bytes)
            let count = try reader.varint()
            guard count <= 1024 else { throw ChainError.malformed("too many signatures") }
            let list = try (0..<count).map { _ throws(ChainError) in NodeSignature(nodeKey: try reader.raw(keyLength), signature: try reader.raw(64)) }
            try reader.finish()
            return list
        } catch {
            throw ChainError(.corruptLedger, "Stored block signatures cannot be decoded: \((error as? ChainError)?.reason ?? "\(error)")")
        }
    }

    /// Whether `nodeKey` signed this header validly, in the header's suite.
    public func isSigned(by nodeKey: [UInt8]) -> Bool {
        let scheme = header.suite.signature
        return signatures.contains { $0.nodeKey == nodeKey && scheme.isValidSignature($0.signature, publicKey: nodeKey, message: hash) }
    }
}
