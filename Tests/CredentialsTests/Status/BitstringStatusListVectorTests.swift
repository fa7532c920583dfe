import Testing
import TestVectors
@testable import Credentials

/// Published encodedList strings (specs/vectors/bitstring-status-list/encodedList-examples.json).
/// Only decoded bits are compared: gzip output is not canonical, so re-encoding need not match.
struct BitstringStatusListVectorTests {
    struct Examples: Decodable {
        struct Example: Decodable {
            struct Decoded: Decodable {
                let bytes: Int
                let bits: Int
                let setBitsMsbFirst: [Int]
            }
            let source: String
            let encodedList: String
            let decoded: Decoded
        }
        let examples: [Example]
    }

    static let examples = try! Vectors.json("bitstring-status-list/encodedList-examples.json", as: Examples.self).examples

    @Test("every published encodedList decodes to its published length and set bits (MSB first)")
    func decodedBitsMatch() throws {
        #expect(Self.examples.count == 4)
        for example in Self.examples {
            // Two digitalbazaar lists lack the 'u' prefix and all but the REC's are below the
            // minimum; the lowered-minimum decoder still checks their bits.
            let text = example.encodedList.hasPrefix("u") ? example.encodedList : "u" + example.encodedList
            let list = try BitstringStatusList(encodedList: text, statusSize: 1, minimumBitCount: 0)
            #expect(list.bytes.count == example.decoded.bytes, "\(example.source)")
            #expect(list.count == example.decoded.bits, "\(example.source)")
            let set = try (0..<list.count).filter { try list.bit(at: $0) }
            #expect(set == example.decoded.setBitsMsbFirst, "\(example.source)")
        }
    }

    @Test("the Recommendation's Example 3 list is accepted as is and reports no status set")
    func recommendationExample() throws {
        let list = try BitstringStatusList(encodedList: Self.examples[0].encodedList)
        #expect(list.count == BitstringStatusList.minimumBitCount)
        #expect(try list.status(at: 94_567) == 0)
    }

    @Test("published lists without the 'u' prefix or below 131,072 bits are refused")
    func nonConformingRefused() throws {
        for example in Self.examples.dropFirst() {
            #expect(throws: CredentialsError.invalidStatusList("")) {
                try BitstringStatusList(encodedList: example.encodedList)
            }
        }
    }
}
