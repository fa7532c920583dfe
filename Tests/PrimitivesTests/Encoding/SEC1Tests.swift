import Testing
@testable import Primitives

struct SEC1Tests {
    /// The secp256k1 generator G (SEC 2 §2.4.1): even y, so its compressed form starts 0x02.
    static let gx = try! Hex.decode("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")
    static let gy = try! Hex.decode("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")

    @Test("compresses the secp256k1 generator to its published compressed form")
    func compressesGenerator() throws {
        let expected = try Hex.decode("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")
        #expect(try SEC1.compress([0x04] + Self.gx + Self.gy) == expected)
        #expect(try SEC1.compress(x: Self.gx, y: Self.gy) == expected)
    }

    @Test("uses prefix 0x03 when y is odd")
    func oddY() throws {
        var y = Self.gy
        y[31] |= 1
        #expect(try SEC1.compress(x: Self.gx, y: y).first == 0x03)
    }

    @Test("rejects wrong lengths and a missing 0x04 prefix")
    func rejectsMalformedPoints() {
        #expect(throws: PrimitivesError.invalidKey("")) { try SEC1.compress(Self.gx + Self.gy) }
        #expect(throws: PrimitivesError.invalidKey("")) { try SEC1.compress([0x02] + Self.gx + Self.gy) }
        #expect(throws: PrimitivesError.invalidKey("")) { try SEC1.compress(x: Self.gx.dropLast(), y: Self.gy) }
        #expect(throws: PrimitivesError.invalidKey("")) { try SEC1.compress(x: Self.gx, y: [UInt8]()) }
    }
}
