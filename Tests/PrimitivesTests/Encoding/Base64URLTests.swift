import TestVectors
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

    @Test("round-trips random byte strings of every length up to 200, from bytes, slices and text alike")
    func roundTripsRandomBytes() throws {
        var generator = SplitMix64(seed: 0xB64)
        for length in 0...200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let text = Base64URL.encode(bytes)
            #expect(text.utf8.count == (length * 4 + 2) / 3)
            #expect(try Base64URL.decode(text) == bytes)
            #expect(try Base64URL.decode(bytes: Array(("x" + text).utf8).dropFirst()) == bytes)
            #expect(try Base64URL.decode(bytes: text.utf8.lazy.map { $0 }) == bytes)
        }
    }

    @Test("names '=' padding when that is the first character outside the alphabet, wherever it stands")
    func namesPadding() {
        for bad in ["Zm9v=AAA", "Zg==", "AAAAAAAAZ="] {
            let error = #expect(throws: PrimitivesError.self) { try Base64URL.decode(bad) }
            #expect(error?.reason == "Base64url text must not carry '=' padding.", "\(bad)")
        }
    }
}
