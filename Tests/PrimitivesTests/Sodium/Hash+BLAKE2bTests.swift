import Primitives
import Testing
import TestVectors

struct HashBLAKE2bTests {
    @Test("BLAKE2b-512 of \"abc\" is the RFC 7693 appendix A digest")
    func rfc7693() throws {
        let digest = try Hash.blake2b(Array("abc".utf8), outputLength: 64)
        #expect(Hex.encode(digest) == "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")
    }

    /// libsodium test/default/generichash.exp: line i is BLAKE2b with output length 1 + i % 64
    /// of the bytes 0..<i, keyed with the bytes 0..<(1 + i % 64).
    @Test("keyed BLAKE2b matches libsodium's generichash vectors; outputs under 16 bytes are refused")
    func libsodiumKeyed() throws {
        let lines = try Vectors.text("blake2b/libsodium-generichash.exp").split(separator: "\n")
        #expect(lines.count == 64)
        var checked = 0
        for (index, line) in lines.enumerated() {
            let length = 1 + index % 64
            let message = (0 ..< index).map { UInt8($0) }
            let key = (0 ..< length).map { UInt8($0) }
            if length < 16 {
                #expect(throws: PrimitivesError.invalidInput("")) { try Hash.blake2b(message, outputLength: length, key: key) }
            } else {
                #expect(Hex.encode(try Hash.blake2b(message, outputLength: length, key: key)) == String(line), "line \(index)")
                checked += 1
            }
        }
        #expect(checked == 49)
    }

    @Test("the default output is 32 bytes and an empty key means unkeyed")
    func defaults() throws {
        let digest = try Hash.blake2b(Array("abc".utf8))
        #expect(digest.count == 32)
        #expect(try Hash.blake2b(Array("abc".utf8), key: []) == digest)
        #expect(try Hash.blake2b(Array("abc".utf8), key: [0]) != digest)
    }

    @Test("output lengths outside 16...64 and keys over 64 bytes are refused")
    func limits() {
        #expect(throws: PrimitivesError.invalidInput("")) { try Hash.blake2b([1], outputLength: 65) }
        #expect(throws: PrimitivesError.invalidInput("")) { try Hash.blake2b([1], outputLength: 0) }
        #expect(throws: PrimitivesError.invalidInput("")) { try Hash.blake2b([1], outputLength: -1) }
        #expect(throws: PrimitivesError.invalidKey("")) { try Hash.blake2b([1], key: [UInt8](repeating: 7, count: 65)) }
    }
}
