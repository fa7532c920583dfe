import Chain
import ChainTestSupport
import KeyCustody
import Primitives
import Testing

/// A membership request proves that its applicant holds the key it asks to admit, on one chain,
/// under the name the committee is shown.
struct MembershipRequestTests {
    private static func signed(_ chain: ChainFixture, name: String = "carol", key: Secp256k1PrivateKey = Secp256k1PrivateKey(),
                               chainId: String? = nil) throws -> MembershipRequest {
        let action = try chain.admission(name, publicKey: key.publicKey)
        let digest = MembershipRequest.signingDigest(name: name, action: action, chainId: chainId ?? chain.chainId)
        return try MembershipRequest(name: name, publicKey: key.publicKey, action: action,
                                     signature: try key.signature(forDigest: digest).compactRepresentation)
    }

    @Test("a request signed by the applicant's key verifies on its chain and not on another; its JSON form reads back the same")
    func signatureBindsChain() throws {
        let chain = try ChainFixture()
        defer { chain.close() }
        let request = try Self.signed(chain)
        #expect(request.isSigned(chainId: chain.chainId))
        #expect(!request.isSigned(chainId: "another-chain"))
        #expect(try MembershipRequest(json: request.json) == request)
        #expect(request.handle.description == (try? MemberHandle(hex: request.action.string("handle")))?.description)
    }

    @Test("a request whose name was changed after signing no longer verifies")
    func nameIsSigned() throws {
        let chain = try ChainFixture()
        defer { chain.close() }
        let request = try Self.signed(chain)
        let renamed = try MembershipRequest(name: "mallory", publicKey: request.publicKey, action: request.action, signature: request.signature)
        #expect(!renamed.isSigned(chainId: chain.chainId))
    }

    @Test("a request for another key's handle, another action kind, or a name outside the account-name form is refused as invalidBody")
    func malformedRequestsAreRefused() throws {
        let chain = try ChainFixture()
        defer { chain.close() }
        let request = try Self.signed(chain)
        let other = Secp256k1PrivateKey().publicKey
        #expect(throws: ChainError.self) {
            try MembershipRequest(name: "carol", publicKey: other, action: request.action, signature: request.signature)
        }
        #expect(throws: ChainError.self) {
            try MembershipRequest(name: "carol", publicKey: request.publicKey, action: GovernanceAction(kind: "admitNode"),
                                  signature: request.signature)
        }
        for name in ["", "carol smith", String(repeating: "a", count: 65)] {
            #expect(throws: ChainError.self, "\(name)") {
                try MembershipRequest(name: name, publicKey: request.publicKey, action: request.action, signature: request.signature)
            }
        }
        var json = request.json.objectValue ?? [:]
        json["signature"] = .string(Base64URL.encode([1, 2, 3]))
        #expect(throws: ChainError.self) { try MembershipRequest(json: .object(json)) }
    }
}
