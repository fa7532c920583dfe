public import Primitives

/// A header with the signatures of the nodes that produced or applied it.
public struct SignedBlockHeader: Sendable, Hashable {
    /// The header.
    public let header: BlockHeader
    /// The header's hash, computed once.
    public let hash: [UInt8]
    /// Node signatures over ``hash``.
    public var signatures: [NodeSignature]

    /// Signs a header with a node key.
    /// - Throws: `ChainError.storageFailure` if signing fails (it should not).
    public init(header: BlockHeader, signedBy nodeKey: Secp256k1PrivateKey) throws(ChainError) {
        self.header = header
        hash = header.hash
        guard let signature = try? nodeKey.schnorrSignature(for: hash) else { throw .storage("The node key could not sign the block.") }
        signatures = [NodeSignature(nodeKey: nodeKey.publicKey.xOnly.rawRepresentation, signature: signature)]
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

    /// Parses stored signatures.
    static func decodeSignatures(_ bytes: [UInt8]) throws(ChainError) -> [NodeSignature] {
        do {
            var reader = ByteReader(bytes)
            let count = try reader.varint()
            guard count <= 1024 else { throw ChainError.malformed("too many signatures") }
            let list = try (0..<count).map { _ throws(ChainError) in NodeSignature(nodeKey: try reader.raw(32), signature: try reader.raw(64)) }
            try reader.finish()
            return list
        } catch {
            throw ChainError(.corruptLedger, "Stored block signatures cannot be decoded: \((error as? ChainError)?.reason ?? "\(error)")")
        }
    }

    /// Whether `nodeKey` signed this header validly.
    public func isSigned(by nodeKey: [UInt8]) -> Bool {
        guard let key = try? Secp256k1XOnlyPublicKey(nodeKey) else { return false }
        return signatures.contains { $0.nodeKey == nodeKey && key.isValidSchnorrSignature($0.signature, for: hash) }
    }
}
