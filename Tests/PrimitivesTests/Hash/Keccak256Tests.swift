import Testing
import TestVectors
@testable import Primitives

struct Keccak256Tests {
    struct KAT: Decodable {
        struct Vector: Decodable { let bits: Int; let message: String; let digest: String }
        let vectors: [Vector]
    }

    static func kats() throws -> [(message: [UInt8], digest: String)] {
        let file: KAT = try Vectors.json("keccak/short-msg-kat-256.json")
        return try file.vectors.map { (try Hex.decode($0.message), $0.digest) }
    }

    @Test("hashes the empty string and \"abc\" to the known Keccak-256 (not SHA3-256) digests")
    func emptyAndABC() {
        #expect(Hex.encode(Keccak256.hash([UInt8]())) == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(Hex.encode(Hash.keccak256(Array("abc".utf8))) == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
    }

    @Test("matches the Keccak team's ShortMsgKAT_256 answers, including 135, 136 and 137 bytes")
    func keccakTeamKATs() throws {
        let kats = try Self.kats()
        #expect(Set(kats.map(\.message.count)).isSuperset(of: [135, 136, 137, 254]))
        for (message, digest) in kats {
            #expect(Hex.encode(Keccak256.hash(message)) == digest, "\(message.count) bytes")
        }
    }

    @Test("gives the same digest for every split of a message into two updates")
    func incrementalSplits() throws {
        for (message, digest) in try Self.kats() where message.count > 100 {
            for cut in 0...message.count {
                var hasher = Keccak256()
                hasher.update(message[..<cut])
                hasher.update(message[cut...])
                #expect(Hex.encode(hasher.finalize()) == digest, "\(message.count) bytes cut at \(cut)")
            }
        }
    }

    @Test("gives the same digest for byte-by-byte and non-contiguous input, and finalize leaves the hasher usable")
    func byteByByteAndNonContiguous() throws {
        for (message, digest) in try Self.kats() {
            var hasher = Keccak256()
            for byte in message { hasher.update(CollectionOfOne(byte)) }
            #expect(Hex.encode(hasher.finalize()) == digest)
            #expect(Hex.encode(hasher.finalize()) == digest)
            #expect(Hex.encode(Keccak256.hash(message.lazy.map { $0 })) == digest)
        }
    }

    @Test("reproduces web3.js hashMessage (EIP-191 personal message) digests")
    func web3HashMessage() throws {
        struct Doc: Decodable {
            struct Entry: Decodable { let message: String; let hash: String }
            struct Sign: Decodable { let message: String; let messageHash: String }
            let hashMessage: [Entry]
            let sign: Sign
        }
        let doc: Doc = try Vectors.json("ethereum/web3js-accounts-doc-vectors.json")
        let cases = doc.hashMessage.map { ($0.message, $0.hash) } + [(doc.sign.message, doc.sign.messageHash)]
        #expect(cases.count == 3)
        for (message, hash) in cases {
            let body = Array(message.utf8)
            let prefixed = Array("\u{19}Ethereum Signed Message:\n\(body.count)".utf8) + body
            #expect("0x" + Hex.encode(Keccak256.hash(prefixed)) == hash, "\(message)")
        }
    }
}
