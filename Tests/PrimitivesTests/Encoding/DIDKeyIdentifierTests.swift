import Testing
import TestVectors
@testable import Primitives

/// Checks against the w3c-ccg/did-method-key test vectors in `specs/vectors/did-key/`.
struct DIDKeyIdentifierTests {
    struct JWK: Decodable { let crv: String; let x: String; let y: String? }
    struct KeyEntry: Decodable {
        let id: String
        let type: String
        let publicKeyBase58: String?
        let publicKeyJwk: JWK?
    }
    struct Vector: Decodable {
        let verificationKeyPair: KeyEntry?
        let keyAgreementKeyPair: KeyEntry?
        let verificationMethod: KeyEntry?
    }

    /// The multicodec and public key bytes a vector entry publishes, or nil for a curve
    /// did:key here does not support (P-384, P-521).
    static func key(of entry: KeyEntry) throws -> (Multicodec, [UInt8])? {
        if let jwk = entry.publicKeyJwk {
            let x = try Base64URL.decode(jwk.x)
            switch jwk.crv {
            case "Ed25519": return (.ed25519Pub, x)
            case "X25519": return (.x25519Pub, x)
            case "secp256k1": return (.secp256k1Pub, try SEC1.compress(x: x, y: Base64URL.decode(jwk.y ?? "")))
            case "P-256": return (.p256Pub, try SEC1.compress(x: x, y: Base64URL.decode(jwk.y ?? "")))
            default: return nil
            }
        }
        let raw = try Base58BTC.decode(try #require(entry.publicKeyBase58))
        switch entry.type {
        case "Ed25519VerificationKey2018": return (.ed25519Pub, raw)
        case "X25519KeyAgreementKey2019": return (.x25519Pub, raw)
        case "EcdsaSecp256k1VerificationKey2019": return (.secp256k1Pub, raw)
        case "P256Key2021": return (.p256Pub, raw)
        default: return nil
        }
    }

    /// Builds the identifier of the published key, compares it with the published one, and
    /// decodes the published one back to the key; returns how many keys were checked.
    static func check(_ entry: KeyEntry, expected methodSpecificID: String) throws -> Int {
        guard let (codec, key) = try key(of: entry) else { return 0 }
        #expect(try DIDKeyIdentifier(codec: codec, publicKey: key).methodSpecificID == methodSpecificID)
        let parsed = try DIDKeyIdentifier(parsing: methodSpecificID)
        #expect(parsed.codec == codec, "\(methodSpecificID)")
        #expect(parsed.publicKey == key, "\(methodSpecificID)")
        return 1
    }

    /// The fragment of a verification-method id (`#z6LS…` or `did:key:…#z6LS…`).
    static func fragment(_ id: String) -> String { String(id.split(separator: "#").last ?? "") }

    static func vectors(_ file: String) throws -> [(msid: String, vector: Vector)] {
        let all: [String: Vector] = try Vectors.json("did-key/\(file)")
        return all.map { (String($0.key.dropFirst("did:key:".count)), $0.value) }
    }

    @Test("Ed25519 keys and their X25519 key-agreement keys give the published did:key identifiers")
    func ed25519AndX25519() throws {
        var checked = 0
        for (msid, vector) in try Self.vectors("ed25519-x25519.json") {
            let signing = try #require(vector.verificationKeyPair)
            checked += try Self.check(signing, expected: msid)
            let agreement = try #require(vector.keyAgreementKeyPair)
            checked += try Self.check(agreement, expected: Self.fragment(agreement.id))
        }
        #expect(checked == 10)
    }

    @Test("secp256k1 keys give the published did:key identifiers")
    func secp256k1() throws {
        var checked = 0
        for (msid, vector) in try Self.vectors("secp256k1.json") {
            checked += try Self.check(try #require(vector.verificationKeyPair), expected: msid)
        }
        #expect(checked == 6)
    }

    @Test("P-256 keys give the published did:key identifiers (P-384 and P-521 entries filtered out)")
    func p256() throws {
        var checked = 0
        for (msid, vector) in try Self.vectors("nist-curves.json") {
            checked += try Self.check(try #require(vector.verificationMethod), expected: msid)
        }
        #expect(checked == 3)
    }
}
