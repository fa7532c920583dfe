import Testing
import TestVectors
@testable import Primitives

struct EthereumAddressTests {
    struct DerivedKeys: Decodable {
        struct Key: Decodable { let source: String; let publicKey: String; let address: String }
        let keys: [Key]
    }
    struct Web3Doc: Decodable {
        struct Account: Decodable { let address: String }
        let address: String
        let otherAccount: Account
    }
    struct EIP55Cases: Decodable { let checksummed: [String] }

    /// The checksummed addresses published in the EIP-55 test cases and the web3.js docs.
    static func publishedChecksummed() throws -> [String] {
        let eip: EIP55Cases = try Vectors.json("ethereum/eip55-test-cases.json")
        let web3: Web3Doc = try Vectors.json("ethereum/web3js-accounts-doc-vectors.json")
        return eip.checksummed + [web3.address, web3.otherAccount.address]
    }

    @Test("re-encoding the lowercase form reproduces every published EIP-55 address")
    func eip55Reencoding() throws {
        let published = try Self.publishedChecksummed()
        #expect(published.count == 10)
        for text in published {
            let address = try EthereumAddress(parsing: text.lowercased())
            #expect(EIP55.encode(address) == text)
            #expect(address.description == text)
            #expect(try EthereumAddress(parsing: text) == address)
        }
    }

    @Test("flipping the case of one letter of a checksummed address makes parsing fail")
    func corruptedChecksum() throws {
        for text in try Self.publishedChecksummed() where text.dropFirst(2).contains(where: \.isLowercase) && text.dropFirst(2).contains(where: \.isUppercase) {
            var chars = Array(text)
            let index = try #require(chars.indices.dropFirst(2).first { chars[$0].isLetter })
            chars[index] = Character(chars[index].isUppercase ? chars[index].lowercased() : chars[index].uppercased())
            #expect(throws: PrimitivesError.invalidEncoding(""), "\(String(chars))") {
                try EthereumAddress(parsing: String(chars))
            }
        }
    }

    @Test("all-lowercase and all-uppercase text is accepted without a checksum, with or without 0x")
    func unchecksummedForms() throws {
        let text = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"
        let address = try EthereumAddress(parsing: text)
        #expect(try EthereumAddress(parsing: text.lowercased()) == address)
        #expect(try EthereumAddress(parsing: "0x" + text.dropFirst(2).uppercased()) == address)
        #expect(try EthereumAddress(parsing: String(text.dropFirst(2))) == address)
    }

    @Test("rejects wrong lengths, non-hex text and doubled prefixes")
    func rejectsMalformedText() {
        for bad in ["0x2c7536e3605d9c16a7a3d7b1898e529396a65c2", "0x2c7536e3605d9c16a7a3d7b1898e529396a65c2300",
                    "0x2c7536e3605d9c16a7a3d7b1898e529396a65czz", "0x0x7536e3605d9c16a7a3d7b1898e529396a65c23", ""] {
            #expect(throws: PrimitivesError.invalidEncoding(""), "\(bad)") { try EthereumAddress(parsing: bad) }
        }
    }

    @Test("Keccak-256 of each derived public key ends in the published address, 64- or 65-byte form")
    func derivationFromPublicKeys() throws {
        let file: DerivedKeys = try Vectors.json("ethereum/derived-public-keys.json")
        #expect(file.keys.count == 4)
        for key in file.keys {
            let uncompressed = try Hex.decode(key.publicKey)
            let expected = try Hex.decode(key.address)
            #expect(try EthereumAddress(publicKey: uncompressed).bytes == expected, "\(key.source)")
            #expect(try EthereumAddress(publicKey: uncompressed.dropFirst()).bytes == expected, "\(key.source)")
            if key.address.contains(where: \.isUppercase) {
                #expect(try EthereumAddress(publicKey: uncompressed).description == key.address)
            }
        }
    }

    @Test("rejects compressed, truncated and wrongly prefixed public keys")
    func rejectsOtherKeyForms() {
        let body = [UInt8](repeating: 1, count: 64)
        #expect(throws: PrimitivesError.invalidKey("")) { try EthereumAddress(publicKey: [0x02] + body.prefix(32)) }
        #expect(throws: PrimitivesError.invalidKey("")) { try EthereumAddress(publicKey: body.dropLast()) }
        #expect(throws: PrimitivesError.invalidKey("")) { try EthereumAddress(publicKey: [0x03] + body) }
        #expect(throws: PrimitivesError.invalidInput("")) { try EthereumAddress(bytes: body.prefix(19)) }
    }
}
