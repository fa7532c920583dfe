import Primitives
import Testing
import TestVectors

/// Ed25519 → X25519 public key conversion against the W3C CCG did:key vectors, which list each
/// Ed25519 key with the X25519 key derived from it.
struct Ed25519PublicKeyX25519Tests {
    private struct Entry: Decodable {
        /// A key as `publicKeyBase58`, or (one vector) as a JWK whose `x` is the raw key.
        struct Key: Decodable {
            struct JWK: Decodable { let x: String }
            let publicKeyBase58: String?
            let publicKeyJwk: JWK?

            func bytes() throws -> [UInt8] {
                if let publicKeyBase58 { return try Base58BTC.decode(publicKeyBase58) }
                return try Base64URL.decode(publicKeyJwk?.x ?? "")
            }
        }
        let verificationKeyPair: Key
        let keyAgreementKeyPair: Key
    }

    @Test("each Ed25519 key of the did:key vectors maps to the X25519 key listed with it")
    func vectors() throws {
        let entries = try Vectors.json("did-key/ed25519-x25519.json", as: [String: Entry].self)
        #expect(entries.count == 5)
        for (did, entry) in entries {
            let ed25519 = try Ed25519PublicKey(rawRepresentation: entry.verificationKeyPair.bytes())
            let x25519 = try ed25519.x25519PublicKey()
            #expect(x25519.rawRepresentation == (try entry.keyAgreementKeyPair.bytes()), "\(did)")
        }
    }

    @Test("points of small order or off the curve have no X25519 form")
    func refusesUnusablePoints() throws {
        // The identity (y = 1), a point of order 4 (y = 0) and a y with no x on the curve (y = 2).
        for y: UInt8 in [1, 0, 2] {
            let key = try Ed25519PublicKey(rawRepresentation: [y] + [UInt8](repeating: 0, count: 31))
            #expect(throws: PrimitivesError.invalidKey("")) { try key.x25519PublicKey() }
        }
    }
}
