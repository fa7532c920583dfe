import Primitives
import Testing
import TestVectors

/// Point addition and multiplication, against the published 2G and 3G, the derived public keys
/// of the Ethereum vectors, and points computed independently with Python affine arithmetic.
struct Secp256k1PublicKeyArithmeticTests {
    struct DerivedKeys: Decodable {
        struct Key: Decodable { let privateKey: String, publicKey: String }
        let keys: [Key]
    }

    static let generator = point("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")

    static func point(_ text: String) -> Secp256k1PublicKey {
        do { return try Secp256k1PublicKey(hex(text)) } catch { fatalError("bad point literal \(text)") }
    }

    @Test("k·G by generator multiplication and by point multiplication matches the derived keys")
    func derivedKeys() throws {
        let vectors = try Vectors.json("ethereum/derived-public-keys.json", as: DerivedKeys.self)
        #expect(vectors.keys.count == 4)
        for vector in vectors.keys {
            let expected = try Secp256k1PublicKey(hex(vector.publicKey))
            let scalar = try Secp256k1Scalar(rawRepresentation: hex(vector.privateKey))
            #expect(try Secp256k1PublicKey(generatorTimes: scalar) == expected)
            #expect(try Self.generator.multiplied(by: hex(vector.privateKey)) == expected)
        }
    }

    @Test("G + G and 2·G are the published 2G; 3·G is the published 3G; (n-1)·G is -G")
    func smallMultiples() throws {
        let twoG = Self.point("02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5")
        let threeG = Self.point("02f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9")
        #expect(try Self.generator.adding(Self.generator) == twoG)
        #expect(try Secp256k1PublicKey(generatorTimes: Secp256k1Scalar(2)) == twoG)
        #expect(try twoG.adding(Self.generator) == threeG)
        #expect(try Self.generator.multiplied(by: Secp256k1Scalar(3).rawRepresentation.unsafeArray) == threeG)
        let minusG = try Secp256k1PublicKey(generatorTimes: -Secp256k1Scalar.one)
        #expect(minusG == Self.point("0379be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"))
        #expect(throws: PrimitivesError(.invalidKey, "")) { try minusG.adding(Self.generator) }
    }

    @Test("aG + bG and 7·(aG) match Python; zero and n are refused as multipliers")
    func sumsAndProducts() throws {
        let a = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
        let b = "c87f65ff3f271bf5dc8643484f66b200109caffe4bf98c4cb393dc35740b28c0"
        let aG = try Self.generator.multiplied(by: hex(a)), bG = try Self.generator.multiplied(by: hex(b))
        // Python: comp(add(mul(a, G), mul(b, G))), comp(mul(7 * a % n, G))
        #expect(try aG.adding(bG) == Self.point("021ddb51912b982e643ad03dd54538a5d133b628b1a999c087e44cf62cd8a29af6"))
        #expect(try aG.multiplied(by: Secp256k1Scalar(7).rawRepresentation.unsafeArray)
            == Self.point("034b97ef354a0c97b748b529dc4294f5a29686d65e2e8e38079e3f0c2cebf766e5"))
        #expect(throws: PrimitivesError(.invalidKey, "")) { try aG.multiplied(by: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: PrimitivesError(.invalidKey, "")) {
            try aG.multiplied(by: hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"))
        }
        #expect(throws: PrimitivesError(.invalidKey, "")) { try Secp256k1PublicKey(generatorTimes: .zero) }
    }
}
