import Primitives
import Testing
import TestVectors

/// Shamir splitting with Feldman commitments: a known-answer polynomial computed with Python,
/// every threshold subset rebuilding the key, and clear refusals of bad input.
struct FeldmanVSSTests {
    static func scalar(_ text: String) -> Secp256k1Scalar {
        do { return try Secp256k1Scalar(rawRepresentation: hex(text)) } catch { fatalError("bad scalar literal \(text)") }
    }

    @Test("a fixed polynomial gives the shares and commitments computed with Python")
    func knownAnswer() throws {
        // f(x) = a + b·x + c·x² mod n; a = web3.js doc key, b = go-ethereum "horse" key, c = 0xbeef.
        let a = Self.scalar("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
        let b = Self.scalar("c87f65ff3f271bf5dc8643484f66b200109caffe4bf98c4cb393dc35740b28c0")
        let dealing = try FeldmanVSS.split(coefficients: [a, b, Secp256k1Scalar(0xbeef)], shareCount: 5)
        // Python: hex((a + b*x + c*x*x) % n) for x = 1...5
        let expected = [
            "1487e9a5d029af733eb78a63ad221406543efc790d33653bd82a4dc2e30bc986",
            "dd074fa50f50cb691b3dcdabfc88c60664dbac77592cf1888bbe29f857192f13",
            "a586b5a44e77e75ef7c410f44bef7807bac97f8ef5dddd997f7fa7a0faf1d13d",
            "6e061ba38d9f0354d44a543c9b562a0910b752a6928ec9aa734125499ecbf145",
            "368581a2ccc61f4ab0d09784eabcdc0a66a525be2f3fb5bb6702a2f242a78f2b",
        ]
        #expect(dealing.shares.map(\.index) == [1, 2, 3, 4, 5])
        #expect(dealing.shares.map { Hex.encode($0.value.rawRepresentation.unsafeArray) } == expected)
        // Python: comp(mul(0xbeef, G)); C_0 is the published key's derived public key.
        #expect(dealing.commitments[2] == (try Secp256k1PublicKey(hex("0346c37bfab7a24214b306be55da2ac19b814f151fe06a7fb09821de344b77781b"))))
        let derived = try Vectors.json("ethereum/derived-public-keys.json", as: Secp256k1PublicKeyArithmeticTests.DerivedKeys.self)
        #expect(dealing.publicKey == (try Secp256k1PublicKey(hex(derived.keys[2].publicKey))))
        let rebuilt = try FeldmanVSS.combine(shares: [dealing.shares[4], dealing.shares[1], dealing.shares[3]], commitments: dealing.commitments)
        #expect(rebuilt.rawRepresentation.unsafeArray == a.rawRepresentation.unsafeArray)
    }

    @Test("split and combine round-trip for 1-of-1, 2-of-3, 3-of-5, 5-of-5 and 4-of-7", arguments: [(1, 1), (2, 3), (3, 5), (5, 5), (4, 7)])
    func roundTrip(threshold: Int, count: Int) throws {
        let key = Secp256k1PrivateKey()
        let dealing = try FeldmanVSS.split(key, threshold: threshold, shareCount: count)
        #expect(dealing.shares.count == count)
        #expect(dealing.commitments.count == threshold)
        #expect(dealing.commitments[0] == key.publicKey)
        #expect(dealing.shares.allSatisfy { FeldmanVSS.verify(share: $0, commitments: dealing.commitments) })
        let rebuilt = try FeldmanVSS.combine(shares: Array(dealing.shares.suffix(threshold)), commitments: dealing.commitments)
        #expect(rebuilt.rawRepresentation == key.rawRepresentation)
    }

    @Test("every subset of 3, 4 or 5 of the five shares rebuilds a 3-of-5 key")
    func everySubset() throws {
        let key = Secp256k1PrivateKey()
        let dealing = try FeldmanVSS.split(key, threshold: 3, shareCount: 5)
        var rebuilt = 0
        for mask in 1..<32 where mask.nonzeroBitCount >= 3 {
            let subset = dealing.shares.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
            #expect(try FeldmanVSS.combine(shares: subset.reversed(), commitments: dealing.commitments).publicKey == key.publicKey)
            rebuilt += 1
        }
        #expect(rebuilt == 16)
    }

    @Test("t-1 shares are refused with insufficientShares")
    func tooFewShares() throws {
        let dealing = try FeldmanVSS.split(Secp256k1PrivateKey(), threshold: 3, shareCount: 5)
        let error = #expect(throws: PrimitivesError(.insufficientShares, "")) {
            try FeldmanVSS.combine(shares: Array(dealing.shares.prefix(2)), commitments: dealing.commitments)
        }
        #expect(error?.reason == "Rebuilding the key needs 3 shares; 2 were given.")
    }

    @Test("a corrupted share fails verification and is named by its index")
    func corruptedShare() throws {
        let dealing = try FeldmanVSS.split(Secp256k1PrivateKey(), threshold: 3, shareCount: 5)
        var shares = dealing.shares
        shares[3] = try ShamirShare(index: 4, value: shares[3].value + .one)
        #expect(!FeldmanVSS.verify(share: shares[3], commitments: dealing.commitments))
        let one = #expect(throws: PrimitivesError(.invalidShare, "")) {
            try FeldmanVSS.combine(shares: Array(shares[1...3]), commitments: dealing.commitments)
        }
        #expect(one?.reason == "Share 4 does not match the Feldman commitments.")
        shares[0] = try ShamirShare(index: 2, value: shares[0].value)  // a value moved to the wrong index
        let two = #expect(throws: PrimitivesError(.invalidShare, "")) {
            try FeldmanVSS.combine(shares: [shares[0], shares[2], shares[3]], commitments: dealing.commitments)
        }
        #expect(two?.reason == "Shares 2, 4 do not match the Feldman commitments.")
        let other = try FeldmanVSS.split(Secp256k1PrivateKey(), threshold: 3, shareCount: 5)
        #expect(!FeldmanVSS.verify(share: dealing.shares[0], commitments: other.commitments))
    }

    @Test("duplicate indices, bad thresholds and index 0 are refused")
    func badInput() throws {
        let dealing = try FeldmanVSS.split(Secp256k1PrivateKey(), threshold: 2, shareCount: 3)
        let duplicate = #expect(throws: PrimitivesError(.invalidInput, "")) {
            try FeldmanVSS.combine(shares: [dealing.shares[1], dealing.shares[0], dealing.shares[1]], commitments: dealing.commitments)
        }
        #expect(duplicate?.reason == "Share index 2 appears more than once.")
        for (t, n) in [(0, 3), (4, 3), (2, 256)] {
            #expect(throws: PrimitivesError(.invalidInput, "")) { try FeldmanVSS.split(Secp256k1PrivateKey(), threshold: t, shareCount: n) }
        }
        #expect(throws: PrimitivesError(.invalidInput, "")) { try ShamirShare(index: 0, value: .one) }
        #expect(throws: PrimitivesError(.invalidInput, "")) { try FeldmanVSS.combine(shares: dealing.shares, commitments: []) }
    }

    @Test("a share encodes as index ‖ value and parses back")
    func shareEncoding() throws {
        let share = try ShamirShare(index: 7, value: Self.scalar("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"))
        let encoded = share.rawRepresentation.unsafeArray
        #expect(encoded == [7] + hex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"))
        #expect(try ShamirShare(rawRepresentation: SecureBytes(encoded)) == share)
        #expect(throws: PrimitivesError(.invalidEncoding, "")) { try ShamirShare(rawRepresentation: SecureBytes(encoded.dropLast())) }
        #expect(throws: PrimitivesError(.invalidInput, "")) { try ShamirShare(rawRepresentation: SecureBytes([0] + encoded.dropFirst())) }
        #expect("\(share)" == "ShamirShare(index: 7, value: redacted)")
    }
}
