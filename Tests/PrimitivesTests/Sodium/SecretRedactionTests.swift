import Primitives
import Testing
import TestVectors

/// Secrets must not leak through string interpolation (logs, error messages, debugger output).
struct SecretRedactionTests {
    let seedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"

    @Test("an Ed25519 private key's description shows neither its seed nor its secret key")
    func ed25519() throws {
        let key = try Ed25519PrivateKey(seed: SecureBytes(hex(seedHex)))
        for text in ["\(key)", String(describing: key), String(reflecting: key)] {
            #expect(!text.contains(seedHex))
            #expect(!text.contains(String(seedHex.prefix(16))))
        }
        #expect("\(key)".contains("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
    }

    @Test("an X25519 private key's description does not show its scalar")
    func x25519() throws {
        let scalarHex = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"
        let key = try X25519PrivateKey(rawRepresentation: SecureBytes(hex(scalarHex)))
        for text in ["\(key)", String(reflecting: key)] {
            #expect(!text.contains(scalarHex))
            #expect(!text.contains(String(scalarHex.prefix(16))))
        }
    }

    @Test("derived keys and random secrets are redacted when printed")
    func secureBytes() throws {
        let derived = try Argon2id.deriveKey(
            password: Array("pw".utf8), salt: [UInt8](repeating: 1, count: 16), outputLength: 32,
            parameters: Argon2id.Parameters(opsLimit: 1, memLimit: 8192))
        for secret in [derived, SecureRandom.secret(count: 32), SecureBytes(hex(seedHex))] {
            let hex = Hex.encode(secret.unsafeArray)
            #expect(!"\(secret)".contains(hex))
            #expect(!String(reflecting: secret).contains(String(hex.prefix(16))))
            #expect("\(secret)".contains("redacted"))
        }
    }
}
