import Foundation
import KeyCustody
import Primitives
import Testing

@Suite("Keystore redaction")
struct KeystoreRedactionTests {
    /// The published "cow" key of go-ethereum's keyaddrtest.json.
    let secretHex = "c85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4"

    func leaks(_ text: String) -> Bool {
        text.lowercased().contains(secretHex)
    }

    @Test("Descriptions and dumps of the custodian, entries and exported key never show the private key")
    func descriptions() async throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        try custodian.importKey(name: "cow", privateKey: Secp256k1PrivateKey(rawRepresentation: Hex.decode(secretHex)))
        let reopened = try store.open()
        let exported = try await reopened.exportPrivateKey(KeyReference("cow"))
        var dumped = ""
        dump(reopened, to: &dumped)
        let texts = [
            "\(custodian)", "\(reopened)", String(reflecting: reopened), dumped,
            "\(try Keystore(contentsOf: store.path).entries)", "\(exported)", String(reflecting: exported),
        ]
        #expect(texts.allSatisfy { !$0.isEmpty })
        #expect(!texts.contains(where: leaks))
        #expect("\(reopened)".contains("cow"))
    }

    @Test("The file holds the key only encrypted")
    func fileContent() throws {
        let store = try TemporaryKeystore()
        let secret = try Hex.decode(secretHex)
        try store.create().importKey(name: "cow", privateKey: Secp256k1PrivateKey(rawRepresentation: secret))
        let content = try store.content()
        #expect(!leaks(String(decoding: content, as: UTF8.self)))
        #expect(!content.indices.contains { content[$0...].starts(with: secret) })
    }

    @Test("Error reasons never show the private key")
    func errorReasons() async throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        let key = try Secp256k1PrivateKey(rawRepresentation: Hex.decode(secretHex))
        try custodian.importKey(name: "cow", privateKey: key)
        var reasons: [String] = []
        func record(_ body: () async throws -> Void) async {
            do { try await body() } catch let error as KeyCustodyError { reasons.append("\(error) \(error.reason)") } catch {}
        }
        await record { _ = try store.open(password: "wrong") }
        await record { try custodian.importKey(name: "cow", privateKey: key) }
        await record { _ = try await custodian.sign(digest: [0], with: KeyReference("cow")) }
        await record { _ = try await custodian.exportPrivateKey(KeyReference("pig")) }
        var damaged = try store.content()
        damaged[damaged.count - 20] ^= 0x01
        try store.overwrite(damaged)
        await record { _ = try store.open() }
        #expect(reasons.count == 5)
        #expect(!reasons.contains(where: leaks))
    }
}
