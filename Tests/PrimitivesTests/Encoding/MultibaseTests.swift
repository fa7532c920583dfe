import Testing
@testable import Primitives

struct MultibaseTests {
    /// From the multiformats multibase test vectors (basic.csv, input "yes mani !").
    static let input = Array("yes mani !".utf8)

    @Test("encodes and decodes the multibase 'yes mani !' vectors for z and u")
    func specVectors() throws {
        #expect(Multibase.encode(Self.input, base: .base58BTC) == "z7paNL19xttacUY")
        #expect(Multibase.encode(Self.input, base: .base64URL) == "ueWVzIG1hbmkgIQ")
        #expect(try Multibase.decode("z7paNL19xttacUY") == Self.input)
        #expect(try Multibase.decode("ueWVzIG1hbmkgIQ") == Self.input)
        #expect(try Multibase.base(of: "ueWVzIG1hbmkgIQ") == .base64URL)
    }

    @Test("rejects an unknown prefix and empty text with a clear reason")
    func rejectsUnknownPrefix() throws {
        let error = try #require(throws: PrimitivesError.self) { try Multibase.decode("f796573206d616e692021") }
        #expect(error.code == .invalidEncoding)
        #expect(error.reason.contains("'f'"))
        #expect(throws: PrimitivesError.invalidEncoding("")) { try Multibase.decode("") }
    }

    @Test("decoding with an expected base refuses the other base")
    func expectedBase() throws {
        #expect(try Multibase.decode("z7paNL19xttacUY", expecting: .base58BTC) == Self.input)
        #expect(throws: PrimitivesError.invalidEncoding("")) {
            try Multibase.decode("ueWVzIG1hbmkgIQ", expecting: .base58BTC)
        }
    }

    @Test("passes the base's own errors through")
    func invalidBody() {
        #expect(throws: PrimitivesError.invalidEncoding("")) { try Multibase.decode("z0OIl") }
        #expect(throws: PrimitivesError.invalidEncoding("")) { try Multibase.decode("ueWVzIG1hbmkgIQ==") }
    }
}
