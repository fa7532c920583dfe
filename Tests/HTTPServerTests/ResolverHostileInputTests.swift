import Chain
import ChainTestSupport
import DID
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Primitives
import Testing

/// `GET /1.0/identifiers/{did}` with identifiers built to break the resolvers: whatever is
/// wrong with the DID, the answer is a 4xx naming it, never a 5xx (which only the node's own
/// failure may cause).
struct ResolverHostileInputTests {
    /// did:key identifiers of multicodec-prefixed bytes.
    static func didKey(_ bytes: [UInt8]) -> String { "did:key:z" + Base58BTC.encode(bytes) }

    /// Malformed did:key and did:chancery identifiers, each with what makes it malformed.
    static func malformed(registered: DID) -> [(String, String)] {
        let address = String(registered.description.split(separator: ":").last ?? "")
        let prefix = registered.description.dropLast(address.count)
        // Flip the case of the first letter of the address: the EIP-55 checksum no longer holds.
        let hex = Array(address.dropFirst(2))
        let letter = hex.firstIndex { $0.isLetter } ?? 0
        var flipped = hex
        flipped[letter] = Character(hex[letter].isUppercase ? hex[letter].lowercased() : hex[letter].uppercased())
        return [
            ("did:key:z1111", "bad multibase payload"),
            ("did:key:z", "empty key"),
            ("did:key:mAAAA", "base64 multibase"),
            ("did:key:z0OIl", "characters outside base58"),
            (didKey(Multicodec.ed25519Priv.prefixing([UInt8](repeating: 7, count: 32))), "private-key multicodec"),
            (didKey([0x99, 0x01] + [UInt8](repeating: 7, count: 32)), "unknown multicodec"),
            (didKey(Multicodec.ed25519Pub.prefixing([UInt8](repeating: 7, count: 31))), "short Ed25519 key"),
            (didKey(Multicodec.secp256k1Pub.prefixing([0x02] + [UInt8](repeating: 7, count: 20))), "short secp256k1 key"),
            (didKey(Multicodec.secp256k1Pub.prefixing([0x02] + [UInt8](repeating: 0xFF, count: 32))), "secp256k1 x beyond the field"),
            (didKey(Multicodec.p256Pub.prefixing([0x05] + [UInt8](repeating: 7, count: 32))), "P-256 with a bad point prefix"),
            (didKey(Multicodec.ed25519Pub.prefixing([0x01] + [UInt8](repeating: 0, count: 31))), "Ed25519 identity point (small order)"),
            (didKey(Multicodec.ed25519Pub.prefixing([UInt8](repeating: 0xFF, count: 32))), "Ed25519 off the curve"),
            ("did:key:z" + String(repeating: "1", count: 20_000), "20,000 zero digits"),
            ("did:key:z" + String(repeating: "z", count: 60_000), "a 60 KB identifier"),
            ("did:key:z6Mk%00", "percent-encoded NUL"),
            ("did:key:%zz", "broken percent-encoding"),
            ("did%3Akey%3Az1111", "fully percent-encoded"),
            ("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK%2Fx", "encoded slash"),
            ("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2dox", "altered last digit"),
            (prefix + "0x" + String(flipped), "did:chancery with a bad checksum"),
            (prefix + "0x" + String(hex.dropLast()), "did:chancery address one digit short"),
            (prefix + "0x" + String(repeating: "g", count: 40), "did:chancery address not hex"),
            (prefix + String(hex), "did:chancery address without 0x"),
            ("did:chancery:" + String(repeating: "c", count: 5_000) + ":0x" + String(hex), "did:chancery with a huge chain id"),
            ("did:chancery::0x" + String(hex), "did:chancery with an empty chain id"),
        ]
    }

    @Test("malformed did:key and did:chancery identifiers are answered 4xx, never 5xx, in every representation")
    func malformedDIDsAreClientErrors() async throws {
        let fixture = try await NodeFixture()
        let cases = Self.malformed(registered: fixture.registered)
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            for (did, what) in cases {
                for accept in ["application/did-resolution", "application/did+ld+json"] {
                    try await client.execute(uri: "/1.0/identifiers/\(did)", method: .get, headers: [.accept: accept]) { response in
                        let status = Int(response.status.code)
                        #expect((400..<500).contains(status), "\(what) (\(accept)): \(status) \(HTTPTest.text(response).prefix(200))")
                    }
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
    }

    @Test("an invalid did:key answers 400 with the resolution error named in the result")
    func invalidKeyIsBadRequest() async throws {
        let fixture = try await NodeFixture()
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            try await client.execute(uri: "/1.0/identifiers/did:key:z1111", method: .get) { response in
                #expect(response.status == .badRequest)
                let error = HTTPTest.parsed(response)["didResolutionMetadata"]?["error"]?["title"]?.stringValue
                #expect(["invalidDid", "invalidPublicKey", "unsupportedPublicKeyType"].contains(error ?? ""), "\(HTTPTest.text(response))")
            }
        }
    }
}
