import Testing
@testable import Primitives

struct MulticodecTests {
    @Test("encodes the unsigned-varint spec examples")
    func varintSpecExamples() throws {
        // multiformats/unsigned-varint README examples.
        let examples: [(UInt64, [UInt8])] = [
            (1, [0x01]), (127, [0x7f]), (128, [0x80, 0x01]), (255, [0xff, 0x01]),
            (300, [0xac, 0x02]), (16384, [0x80, 0x80, 0x01]),
        ]
        for (value, bytes) in examples {
            #expect(Multicodec(code: value).prefix == bytes)
            let (codec, payload) = try Multicodec.split(bytes + [0xaa])
            #expect(codec.code == value)
            #expect(payload == [0xaa])
        }
    }

    @Test("gives the did:key prefixes for the named key codecs")
    func didKeyPrefixes() {
        // did:key spec: Ed25519 0xed01, secp256k1 0xe701, P-256 0x8024, X25519 0xec01.
        #expect(Multicodec.ed25519Pub.prefix == [0xed, 0x01])
        #expect(Multicodec.secp256k1Pub.prefix == [0xe7, 0x01])
        #expect(Multicodec.p256Pub.prefix == [0x80, 0x24])
        #expect(Multicodec.x25519Pub.prefix == [0xec, 0x01])
        #expect(Multicodec.ed25519Priv.prefix == [0x80, 0x26])
        #expect(Multicodec.secp256k1Priv.prefix == [0x81, 0x26])
        #expect(Multicodec.p256Priv.prefix == [0x86, 0x26])
    }

    @Test("names known codes and shows unknown ones in hex")
    func names() {
        #expect(Multicodec.p256Pub.name == "p256-pub")
        #expect(Multicodec.ed25519Priv.description == "ed25519-priv")
        #expect(Multicodec(code: 0xeb).name == nil)
        #expect(Multicodec(code: 0xeb).description == "0xeb")
    }

    @Test("rejects truncated, over-long and non-minimal varints")
    func rejectsBadVarints() {
        let bad: [[UInt8]] = [[], [0x80], [0xed], [0x81, 0x00], Array(repeating: 0xff, count: 10)]
        for bytes in bad {
            #expect(throws: PrimitivesError.invalidEncoding(""), "\(bytes)") { try Multicodec.split(bytes) }
        }
    }
}
