import Primitives
import Testing
import TestVectors

/// Private key → public key → address, end to end through libsecp256k1 and Keccak-256,
/// against the published go-ethereum and web3.js pairs.
struct EthereumKeyDerivationTests {
    struct KeyAddress: Decodable { let key: String, addr: String }
    struct Web3Account: Decodable { let privateKey: String, address: String }

    @Test("every go-ethereum key/address pair derives its published address")
    func goEthereumPairs() throws {
        let pairs = try Vectors.json("ethereum/keyaddrtest.json", as: [KeyAddress].self)
        #expect(pairs.count == 2)
        for pair in pairs {
            let key = try Secp256k1PrivateKey(rawRepresentation: hex(pair.key))
            let address = try EthereumAddress(publicKey: key.publicKey.uncompressedRepresentation)
            #expect(address.bytes == hex(pair.addr), "key \(pair.key.prefix(8))…")
        }
    }

    @Test("the web3.js account derives its published EIP-55 address")
    func web3Account() throws {
        let account = try Vectors.json("ethereum/web3js-accounts-doc-vectors.json", as: Web3Account.self)
        let key = try Secp256k1PrivateKey(rawRepresentation: hex(account.privateKey))
        let address = try EthereumAddress(publicKey: key.publicKey.uncompressedRepresentation)
        #expect(address.description == account.address)
    }
}
