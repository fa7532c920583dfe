public import Primitives

extension Block {
    /// The block as `GET /blocks/{height}` serves it to peers catching up (`specs/consortium.md`
    /// §3.3): `{"height", "hash", "header": base64url canonical header, "signatures": [{"node":
    /// hex, "signature": hex}], "transactions": [base64url wire form]}`. `hash` is informative;
    /// a reader computes it from `header`.
    public var json: JSONValue {
        .object([
            "height": .number(Double(height)), "hash": .string(Hex.encode(signedHeader.hash)),
            "header": .string(Base64URL.encode(signedHeader.header.encoded)),
            "signatures": .array(signedHeader.signatures.map {
                .object(["node": .string(Hex.encode($0.nodeKey)), "signature": .string(Hex.encode($0.signature))])
            }),
            "transactions": .array(transactions.map { .string(Base64URL.encode($0.encoded)) }),
        ])
    }

    /// Parses a block as ``json`` writes it; nothing in it is verified yet.
    /// - Throws: `ChainError.malformedTransaction` naming what is not a block.
    public init(json: JSONValue) throws(ChainError) {
        guard let headerText = json["header"]?.stringValue, let headerBytes = try? Base64URL.decode(headerText),
              let header = try? BlockHeader(decoding: headerBytes), let signatureItems = json["signatures"]?.arrayValue,
              let transactionItems = json["transactions"]?.arrayValue, signatureItems.count <= 1_024 else {
            throw ChainError.malformed("a served block is not {header, signatures, transactions}")
        }
        var signatures: [NodeSignature] = []
        for item in signatureItems {
            guard let node = item["node"]?.stringValue.flatMap({ try? Hex.decode($0) }),
                  let signature = item["signature"]?.stringValue.flatMap({ try? Hex.decode($0) }) else {
                throw ChainError.malformed("a served block's signature is not {node, signature} in hex")
            }
            signatures.append(NodeSignature(nodeKey: node, signature: signature))
        }
        var transactions: [Transaction] = []
        for item in transactionItems {
            guard let text = item.stringValue, let wire = try? Base64URL.decode(text) else {
                throw ChainError.malformed("a served block's transaction is not base64url")
            }
            transactions.append(try Transaction(decoding: wire))
        }
        self.init(signedHeader: SignedBlockHeader(header: header, signatures: signatures), transactions: transactions)
    }
}
