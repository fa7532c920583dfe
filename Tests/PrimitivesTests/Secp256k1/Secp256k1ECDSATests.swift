import Primitives
import Testing
import TestVectors

/// ECDSA signing, low-S, recovery and key handling, against the web3.js published signature
/// (an RFC 6979 deterministic signature over a Keccak-256 digest).
struct Secp256k1ECDSATests {
    struct Web3Vectors: Decodable {
        let privateKey: String
        let sign: Sign
        struct Sign: Decodable { let messageHash: String, v: String, r: String, s: String, signature: String }
    }

    @Test("RFC 6979 signing reproduces the published web3.js signature and its recovery id")
    func deterministicSignature() throws {
        let vectors = try Vectors.json("ethereum/web3js-accounts-doc-vectors.json", as: Web3Vectors.self)
        let key = try Secp256k1PrivateKey(rawRepresentation: hex(vectors.privateKey))
        let digest = hex(vectors.sign.messageHash)
        let recoverable = try key.recoverableSignature(forDigest: digest)
        let expected = hex(vectors.sign.signature)
        #expect(Array(recoverable.rawRepresentation.prefix(64)) == Array(expected.prefix(64)))
        #expect(recoverable.rawRepresentation[64] + 27 == expected[64])
        #expect(try key.signature(forDigest: digest).compactRepresentation == hex(vectors.sign.r) + hex(vectors.sign.s))
    }

    @Test("the public key is recovered from the published signature with v = 27/28")
    func recovery() throws {
        let vectors = try Vectors.json("ethereum/web3js-accounts-doc-vectors.json", as: Web3Vectors.self)
        let key = try Secp256k1PrivateKey(rawRepresentation: hex(vectors.privateKey))
        let signature = try Secp256k1RecoverableSignature(hex(vectors.sign.signature))
        #expect(try signature.recoverPublicKey(forDigest: hex(vectors.sign.messageHash)) == key.publicKey)
        var otherDigest = hex(vectors.sign.messageHash); otherDigest[0] ^= 1
        #expect(try signature.recoverPublicKey(forDigest: otherDigest) != key.publicKey)
    }

    @Test("signatures are low-S; the high-S twin verifies only leniently")
    func lowS() throws {
        let key = Secp256k1PrivateKey()
        let order = hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
        for i in 0..<32 {
            let digest = BIP340TaggedHash.hash(tag: "lowS", [UInt8(i)])
            let signature = try key.signature(forDigest: digest)
            #expect(signature.isLowS)
            let compact = signature.compactRepresentation
            let high = try Secp256k1ECDSASignature(compactRepresentation: Array(compact.prefix(32)) + subtract(order, Array(compact.suffix(32))))
            #expect(!high.isLowS)
            #expect(!key.publicKey.isValidSignature(high, forDigest: digest))
            #expect(key.publicKey.isValidSignatureAllowingHighS(high, forDigest: digest))
            #expect(high.normalized == signature)
            #expect(try Secp256k1ECDSASignature(derRepresentation: signature.derRepresentation) == signature)
        }
    }

    @Test("out-of-range scalars and off-curve points are refused with invalidKey")
    func invalidKeys() throws {
        #expect(throws: PrimitivesError(.invalidKey, "")) { try Secp256k1PrivateKey(rawRepresentation: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: PrimitivesError(.invalidKey, "")) { try Secp256k1PrivateKey(rawRepresentation: [UInt8](repeating: 0xff, count: 32)) }
        #expect(throws: PrimitivesError(.invalidKey, "")) { try Secp256k1PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: PrimitivesError(.invalidKey, "")) { try Secp256k1PublicKey([0x02] + [UInt8](repeating: 0xff, count: 32)) }
        #expect(throws: PrimitivesError(.invalidInput, "")) { try Secp256k1PrivateKey().signature(forDigest: [1, 2, 3]) }
    }

    @Test("a private key never shows its scalar in descriptions")
    func redaction() throws {
        let scalar = hex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
        let key = try Secp256k1PrivateKey(rawRepresentation: scalar)
        for text in ["\(key)", String(reflecting: key), "\(key.rawRepresentation)"] {
            #expect(!text.contains("4c0883a6"))
            #expect(!text.lowercased().contains("4c08"))
        }
    }

    @Test("compressed and uncompressed encodings round-trip to the same key")
    func encodings() throws {
        let key = Secp256k1PrivateKey().publicKey
        #expect(try Secp256k1PublicKey(key.compressedRepresentation) == key)
        #expect(try Secp256k1PublicKey(key.uncompressedRepresentation) == key)
        #expect(try Secp256k1PublicKey(key.uncompressedRepresentation.dropFirst()) == key)
    }

    /// Big-endian a - b for 32-byte values with a > b.
    private func subtract(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for i in (0..<32).reversed() {
            var d = Int(a[i]) - Int(b[i]) - borrow
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 256 }
            out[i] = UInt8(d)
        }
        return out
    }
}
