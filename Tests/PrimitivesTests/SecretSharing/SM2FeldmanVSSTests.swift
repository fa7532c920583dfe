import Primitives
import Testing
import TestVectors

/// Shamir sharing of SM2 keys over SM2's group order, with commitments on the SM2 curve.
struct SM2FeldmanVSSTests {
    static func scalar(_ text: String) -> SM2Scalar {
        do { return try SM2Scalar(secret: SecureBytes(hex(text))) } catch { fatalError("bad scalar literal \(text)") }
    }

    // a = the Annex A private key, b = its nonce k; expected values from Python's integers mod n.
    static let a = scalar("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8")
    static let b = scalar("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21")

    @Test("scalar arithmetic is modulo SM2's n: sums, differences, products and inverses match Python")
    func arithmetic() throws {
        #expect(Self.a * Self.b + SM2Scalar(0xbeef) == Self.scalar("2c3b4b44f5bfb2df48f467be26367e822881a1987af56f6fe06065be12ac64ba"))
        #expect(Self.a - Self.b == Self.scalar("e01db266a61abe9728ced44fed1371c80b5ab0da0d4ad5772962bdea9d0b4aba"))
        #expect(Self.a + Self.b == Self.scalar("926c8eb75027cacb559ef2c5a093cd6277d05563653c99e8b05039fd38b981d9"))
        #expect(try Self.a.inverse() == Self.scalar("0cbb0ec5d08c822363af35bf1816b7b282e005c5195c8febee4a7a20d0b3edb8"))
        #expect(throws: PrimitivesError.self) { try SM2Scalar.zero.inverse() }
        #expect(throws: PrimitivesError.self) {
            try SM2Scalar(secret: SecureBytes(hex("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123")))
        }
    }

    @Test("commitment C_0 is the key's public key, and every 2-of-3 subset rebuilds the key")
    func splitAndCombine() throws {
        let key = try SM2PrivateKey(rawRepresentation: hex("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"))
        let dealing = try SM2FeldmanVSS.split(key, threshold: 2, shareCount: 3)
        #expect(dealing.publicKey == key.publicKey)
        #expect(dealing.commitments.count == 2)
        #expect(dealing.shares.allSatisfy { SM2FeldmanVSS.verify(share: $0, commitments: dealing.commitments) })
        for pair in [[0, 1], [0, 2], [2, 1]] {
            let rebuilt = try SM2FeldmanVSS.combine(shares: pair.map { dealing.shares[$0] }, commitments: dealing.commitments)
            #expect(rebuilt.rawRepresentation == key.rawRepresentation)
        }
        #expect(throws: PrimitivesError(.insufficientShares, "")) {
            try SM2FeldmanVSS.combine(shares: [dealing.shares[0]], commitments: dealing.commitments)
        }
    }

    @Test("an altered share, or a share of another dealing, is named by index")
    func badShares() throws {
        let key = SM2PrivateKey()
        let dealing = try SM2FeldmanVSS.split(key, threshold: 3, shareCount: 5)
        let other = try SM2FeldmanVSS.split(key, threshold: 3, shareCount: 5)
        let mixed = [dealing.shares[0], other.shares[1], dealing.shares[2]]
        let error = #expect(throws: PrimitivesError.self) { try SM2FeldmanVSS.combine(shares: mixed, commitments: dealing.commitments) }
        #expect(error?.code == .invalidShare)
        #expect(error?.reason.contains("2") == true)
    }
}
