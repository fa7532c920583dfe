import Testing
import TestVectors
@testable import Primitives

struct GZipTests {
    /// Made once with CPython 3: `gzip.compress(b'Chancery gzip interop: ' + bytes(range(256)) * 4,
    /// compresslevel=9, mtime=0).hex()`.
    static let pythonGzip = hex("""
        1f8b080000000000020373ce48cc4b4e2daa5448afca2c50c8cc2b492dca2fb0526060646266616563e7e0e4e2e6e1e5e3\
        171014121611151397909492969195935750545256515553d7d0d4d2d6d1d5d33730343236313533b7b0b4b2b6b1b5b377\
        70747276717573f7f0f4f2f6f1f5f30f080c0a0e090d0b8f888c8a8e898d8b4f484c4a4e494d4bcfc8cccacec9cdcb2f28\
        2c2a2e292d2bafa8acaaaea9adab6f686c6a6e696d6befe8eceaeee9edeb9f3071d2e42953a74d9f3173d6ec3973e7cd5f\
        b070d1e2254b972d5fb172d5ea356bd7addfb071d3e62d5bb76ddfb173d7ee3d7bf7ed3f70f0d0e123478f1d3f71f2d4e9\
        3367cf9dbf70f1d2e52b57af5dbf71f3d6ed3b77efdd7ff0f0d1e3274f9f3d7ff1f2d5eb376fdfbdfff0f1d3e72f5fbf7d\
        fff1f3d7ef3f7ffffd1ff5ffa8ff47b2ff01c92823ac17040000
        """)
    static let pythonInput = Array("Chancery gzip interop: ".utf8) + Array(repeating: Array(0...255) as [UInt8], count: 4).flatMap { $0 }

    @Test("decompresses a gzip member written by Python's gzip module")
    func pythonInterop() throws {
        #expect(try GZip.decompress(Self.pythonGzip, maximumSize: 4096) == Self.pythonInput)
    }

    @Test("round-trips empty, small, repetitive and incompressible inputs")
    func roundTrips() throws {
        var random = SystemRandomNumberGenerator()
        let noise = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        for input in [[], [0x42], Array(repeating: 0, count: 200_000), noise] as [[UInt8]] {
            let packed = GZip.compress(input)
            #expect(Array(packed.prefix(3)) == [0x1f, 0x8b, 0x08], "gzip magic and DEFLATE method")
            #expect(try GZip.decompress(packed, maximumSize: input.count) == input)
        }
    }

    @Test("refuses output beyond maximumSize, the decompression-bomb guard")
    func bombRefused() throws {
        let bomb = GZip.compress(Array(repeating: 0, count: 10_000_000))
        #expect(bomb.count < 20_000)
        #expect(throws: PrimitivesError.invalidEncoding("")) { try GZip.decompress(bomb, maximumSize: 1_000_000) }
        #expect(throws: PrimitivesError.invalidEncoding("")) { try GZip.decompress(GZip.compress([1, 2, 3]), maximumSize: 2) }
        #expect(try GZip.decompress(GZip.compress([1, 2, 3]), maximumSize: 3) == [1, 2, 3])
    }

    @Test("refuses garbage, truncation, corruption, trailing bytes and raw zlib")
    func malformedRefused() throws {
        let good = Self.pythonGzip
        var corrupt = good
        corrupt[good.count - 6] ^= 0x01 // inside the CRC-32 trailer
        let zlibWrapped: [UInt8] = [0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]
        let cases: [[UInt8]] = [[], Array("not gzip at all".utf8), Array(good.prefix(good.count - 1)),
                                Array(good.prefix(10)), corrupt, good + [0], zlibWrapped]
        for input in cases {
            #expect(throws: PrimitivesError.invalidEncoding("")) { try GZip.decompress(input, maximumSize: 1 << 20) }
        }
    }
}
