import Testing
@testable import Primitives

struct Base64URLTests {
    /// RFC 4648 §10 test vectors, with the padding removed as base64url-without-padding requires.
    static let rfc4648: [(String, String)] = [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"),
        ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ]

    @Test("matches the RFC 4648 test vectors without padding, both ways")
    func rfc4648Vectors() throws {
        for (plain, encoded) in Self.rfc4648 {
            #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
            #expect(try Base64URL.decode(encoded) == Array(plain.utf8))
        }
    }

    @Test("uses '-' and '_' for the last two alphabet characters")
    func urlSafeAlphabet() throws {
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
        #expect(try Base64URL.decode("-_8") == [0xfb, 0xff])
    }

    @Test("rejects padding, standard-alphabet characters and impossible lengths")
    func rejectsMalformedText() {
        for bad in ["Zg==", "Zm8=", "+/8", "Zm9v\n", "Z", "Zm9vY", "Zm 9v"] {
            #expect(throws: PrimitivesError.invalidEncoding(""), "\(bad)") { try Base64URL.decode(bad) }
        }
    }

    @Test("rejects non-zero unused trailing bits so every byte string has one text")
    func rejectsNonCanonicalTrailingBits() {
        // "Zh" and "Zm9" differ from the canonical "Zg" and "Zm8" only in unused bits.
        for bad in ["Zh", "Zm9", "-_9"] {
            #expect(throws: PrimitivesError.invalidEncoding(""), "\(bad)") { try Base64URL.decode(bad) }
        }
    }
}
