import Primitives
import Testing
import TestVectors

/// SM3 through OpenSSL, against the published GM/T 0004-2012 examples and the other SM3 entries
/// of OpenSSL's own test data (specs/vectors/sm/sm3.json).
struct SM3Tests {
    struct File: Decodable {
        let vectors: [Vector]
        struct Vector: Decodable { let origin: String, input: String, output: String }
    }

    @Test("SM3 of \"abc\" and of the 512-bit \"abcd\" × 16 message are GM/T 0004-2012 Appendix A's")
    func standardExamples() {
        #expect(Hex.encode(Hash.sm3(Array("abc".utf8))) == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
        let message = Array(String(repeating: "abcd", count: 16).utf8)
        #expect(message.count * 8 == 512)
        #expect(Hex.encode(Hash.sm3(message)) == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
    }

    @Test("SM3 matches every transcribed vector, and one flipped input bit changes the digest")
    func transcribedVectors() throws {
        let file: File = try Vectors.json("sm/sm3.json")
        #expect(file.vectors.count == 4)
        for vector in file.vectors {
            var input = hex(vector.input)
            #expect(Hash.sm3(input) == hex(vector.output), "\(vector.origin)")
            input[input.count / 2] ^= 0x01
            #expect(Hash.sm3(input) != hex(vector.output), "\(vector.origin)")
        }
        #expect(Hash.sm3([UInt8]()).count == 32)
    }
}
