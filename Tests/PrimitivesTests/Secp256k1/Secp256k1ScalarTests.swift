import Primitives
import Testing
import TestVectors

/// Scalar arithmetic modulo the group order, against constants computed independently with
/// Python's arbitrary-precision integers (`(a + b) % n`, `pow(a, -1, n)`, …), where
/// a = the web3.js documentation private key and b = the go-ethereum "horse" key.
struct Secp256k1ScalarTests {
    static let a = scalar("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
    static let b = scalar("c87f65ff3f271bf5dc8643484f66b200109caffe4bf98c4cb393dc35740b28c0")
    static let nMinusOne = scalar("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140")

    static func scalar(_ text: String) -> Secp256k1Scalar {
        do { return try Secp256k1Scalar(rawRepresentation: hex(text)) } catch { fatalError("bad scalar literal \(text)") }
    }

    @Test("sum, difference, product and negation match Python's modular arithmetic")
    func knownValues() {
        let (a, b) = (Self.a, Self.b)
        // Python: (a + b) % n, (a - b) % n, (a * b) % n, (-a) % n
        #expect(a + b == Self.scalar("1487e9a5d029af733eb78a63ad221406543efc790d33653bd82a4dc2e30b0a97"))
        #expect(a - b == Self.scalar("83891da751db778785ab03d30e54b003a8635649d3d18d19f0a752719b613b99"))
        #expect(a * b == Self.scalar("ff9a3d1ae21b069fb7b02e3bfff3de15c80cba1a230cb7be785ad4a745111c67"))
        #expect(-a == Self.scalar("b3f77c596efd6c829dceb8e4a2449df9bc5db3853ec62710db698e7291001e29"))
    }

    @Test("inverses match Python's pow(x, -1, n) and inverse(x)·x = 1")
    func inverses() throws {
        // Python: pow(a, -1, n), pow(2, -1, n), pow(3, -1, n)
        #expect(try Self.a.inverse() == Self.scalar("6bac5dcf7009d3ad595a31884abf8e8cae15a42c3274da4312efe67a34bb59c7"))
        #expect(try Secp256k1Scalar(2).inverse() == Self.scalar("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1"))
        #expect(try Secp256k1Scalar(3).inverse() == Self.scalar("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa9d1c9e899ca306ad27fe1945de0242b81"))
        for x in [Self.a, Self.b, Self.nMinusOne, .one, Secp256k1Scalar.random(), Secp256k1Scalar.random()] {
            #expect(try x.inverse() * x == .one)
        }
        #expect(throws: PrimitivesError(.invalidInput, "")) { try Secp256k1Scalar.zero.inverse() }
    }

    @Test("results that libsecp256k1 refuses as zero are represented as zero")
    func zeroResults() {
        #expect((Self.nMinusOne + .one).isZero)
        #expect((Self.a + (-Self.a)).isZero)
        #expect((Self.a - Self.a).isZero)
        #expect((Self.a * .zero).isZero)
        #expect(-Secp256k1Scalar.zero == .zero)
        #expect(Secp256k1Scalar.zero + Self.b == Self.b)
        #expect(Self.nMinusOne * Self.nMinusOne == .one)
        #expect(-Secp256k1Scalar.one == Self.nMinusOne)
        #expect(Secp256k1Scalar(3) - Secp256k1Scalar(5) == -Secp256k1Scalar(2))
    }

    @Test("parsing refuses wrong lengths and values not below n, and accepts zero")
    func parsing() throws {
        #expect(try Secp256k1Scalar(rawRepresentation: [UInt8](repeating: 0, count: 32)).isZero)
        #expect(throws: PrimitivesError(.invalidKey, "")) {
            try Secp256k1Scalar(rawRepresentation: hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"))
        }
        #expect(throws: PrimitivesError(.invalidKey, "")) { try Secp256k1Scalar(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
        #expect(Secp256k1Scalar(0x0102).rawRepresentation.unsafeArray == [UInt8](repeating: 0, count: 30) + [1, 2])
        #expect("\(Self.a)" == "Secp256k1Scalar(redacted)")
    }
}
