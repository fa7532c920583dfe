import Testing
@testable import Primitives

struct HashTests {
    @Test("SHA-256 matches the FIPS 180-2 examples")
    func sha256KnownAnswers() {
        #expect(Hex.encode(Hash.sha256([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Hex.encode(Hash.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(Hex.encode(Hash.sha256(twoBlocks.lazy.map { $0 })) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("SHA-256 of several pieces equals SHA-256 of the pieces joined (FIPS 180-2 two-block example)")
    func sha256OfPieces() {
        let whole = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        let digest = whole[..<5].withUnsafeBytes { first in
            whole[5..<40].withUnsafeBytes { second in
                whole[40...].withUnsafeBytes { third in Hash.sha256(concatenating: first, second, third) }
            }
        }
        #expect(Hex.encode(digest) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Hex.encode(Hash.sha256(concatenating: UnsafeRawBufferPointer(start: nil, count: 0)))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
