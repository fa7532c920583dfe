import Foundation
import KeyCustody
import Primitives
import Testing

@Suite("Keystore file")
struct KeystoreFileTests {
    @Test("The file has mode 0600 after creation and after every save, and no temporary file is left")
    func permissions() throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        #expect(try mode(of: store.path) == 0o600)
        try custodian.generateKey(name: "k")
        #expect(try mode(of: store.path) == 0o600)
        #expect(try store.directoryListing() == ["member.keystore.json"])
    }

    @Test("Listing reads names, public keys and addresses without the password")
    func listingWithoutPassword() throws {
        let store = try TemporaryKeystore()
        let publicKey = try store.create().generateKey(name: "did-key-1")
        let entry = try #require(try Keystore(contentsOf: store.path).entries.first)
        #expect(entry.name == "did-key-1")
        #expect(entry.publicKey == publicKey)
        #expect(entry.address == (try EthereumAddress(publicKey: publicKey.uncompressedRepresentation)))
    }

    @Test("The file follows the documented layout: members, kdf, canonical hex and EIP-55 address")
    func layout() throws {
        let store = try TemporaryKeystore()
        let publicKey = try store.create().generateKey(name: "k")
        let json = try store.json()
        #expect(json.objectValue?.keys == ["format", "version", "kdf", "passwordCheck", "keys"])
        #expect(json["format"] == "chancery-keystore")
        #expect(json["version"] == 1)
        #expect(json["kdf"]?["algorithm"] == "argon2id")
        #expect(json["kdf"]?["salt"]?.stringValue?.count == 32)
        #expect(json["passwordCheck"]?.stringValue?.count == 80)
        let entry = try #require(json["keys"]?[0])
        #expect(entry.objectValue?.keys == ["name", "type", "publicKey", "address", "sealed"])
        #expect(entry["type"] == "secp256k1")
        #expect(entry["publicKey"]?.stringValue == Hex.encode(publicKey.compressedRepresentation))
        #expect(entry["address"]?.stringValue == (try EthereumAddress(publicKey: publicKey.uncompressedRepresentation)).description)
        #expect(entry["sealed"]?.stringValue?.count == 144)
    }

    @Test("Two keystores with the same password get different salts")
    func freshSalt() throws {
        let first = try TemporaryKeystore(), second = try TemporaryKeystore()
        _ = try first.create()
        _ = try second.create()
        #expect(try first.json()["kdf"]?["salt"] != second.json()["kdf"]?["salt"])
    }

    @Test("A missing file is backendUnavailable naming the path")
    func missing() throws {
        let store = try TemporaryKeystore()
        let error = #expect(throws: KeyCustodyError.self) { try store.open() }
        #expect(error?.code == .backendUnavailable)
        #expect(error?.reason.contains(store.path) == true)
        #expect(throws: KeyCustodyError(.backendUnavailable, "")) { try Keystore(contentsOf: store.path) }
    }

    private func mode(of path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }
}
