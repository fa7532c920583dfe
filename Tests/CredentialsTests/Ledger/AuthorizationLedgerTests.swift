import Chain
import ChainTestSupport
import Credentials
import Primitives
import Testing

/// Authorisation grants, their revocation, and the verdicts of the grantee's challenge.
struct AuthorizationLedgerTests {
    let scopeItem = "urn:chancery:cpt:1000:1"

    /// A chain with a holder, a grantee and a stranger, and a grant valid for an hour from now.
    func setUp() async throws -> (CredentialChain, holder: Identity, grantee: Identity, stranger: Identity, id: [UInt8]) {
        let chain = try CredentialChain()
        let holder = try await chain.create("holder")
        let grantee = try await chain.create("grantee")
        let stranger = try await chain.create("stranger")
        let id = SecureRandom.bytes(count: 16)
        try await chain.submit(.authorizationGrant, as: holder, payload: CredentialLedgerPayload.authorizationGrant(
            id: id, grantee: grantee.did, scope: [scopeItem, "https://records.example/alice"], purpose: "admission",
            validFrom: chain.now, validUntil: chain.now + 3_600_000))
        return (chain, holder, grantee, stranger, id)
    }

    func verdict(_ chain: CredentialChain, id: [UInt8], signer: Identity, item: String? = nil, now: UInt64? = nil) async throws -> AuthorizationVerdict {
        let check = AuthorizationCheck(grantId: id, scopeItem: item ?? scopeItem)
        let signature = try await check.signature(chainId: chain.chainId, custodian: chain.chain.custodian, key: signer.key)
        return try chain.ledger.checkAuthorization(id: id, scopeItem: check.scopeItem, nonce: check.nonce, signature: signature,
                                                   now: now ?? chain.now)
    }

    @Test("the grant is recorded and the grantee's signed challenge is granted within scope and validity")
    func granted() async throws {
        let (chain, holder, grantee, _, id) = try await setUp()
        let record = try #require(try chain.ledger.authorization(id: id))
        #expect(record.holder == holder.did && record.grantee == grantee.did && record.purpose == "admission" && record.revoked == nil)
        #expect(try await verdict(chain, id: id, signer: grantee) == .granted)
        #expect(try await verdict(chain, id: id, signer: grantee, item: "https://records.example/alice") == .granted)
    }

    @Test("validity, scope and unknown grants give their named verdicts")
    func namedFailures() async throws {
        let (chain, _, grantee, _, id) = try await setUp()
        #expect(try await verdict(chain, id: id, signer: grantee, now: chain.now - 1) == .notYetValid)
        #expect(try await verdict(chain, id: id, signer: grantee, now: chain.now + 3_600_000) == .expired)
        #expect(try await verdict(chain, id: id, signer: grantee, item: "urn:chancery:cpt:1001:1") == .outOfScope)
        #expect(try await verdict(chain, id: SecureRandom.bytes(count: 16), signer: grantee) == .unknownGrant)
    }

    @Test("a copied grant presented with another DID's signature is refused; a malformed signature is invalid")
    func copiedGrant() async throws {
        let (chain, _, grantee, stranger, id) = try await setUp()
        #expect(try await verdict(chain, id: id, signer: stranger) == .granteeNotCurrentKey)
        let check = AuthorizationCheck(grantId: id, scopeItem: scopeItem)
        #expect(try chain.ledger.checkAuthorization(id: id, scopeItem: scopeItem, nonce: check.nonce,
                                                    signature: [UInt8](repeating: 0, count: 65), now: chain.now) == .granteeSignatureInvalid)
        // A signature over another nonce recovers some other key, never the grantee's.
        let other = try await AuthorizationCheck(grantId: id, scopeItem: scopeItem)
            .signature(chainId: chain.chainId, custodian: chain.chain.custodian, key: grantee.key)
        #expect(try chain.ledger.checkAuthorization(id: id, scopeItem: scopeItem, nonce: check.nonce, signature: other, now: chain.now)
                != .granted)
        #expect(throws: CredentialsError(.invalidLedgerRequest, "")) {
            try chain.ledger.checkAuthorization(id: id, scopeItem: scopeItem, nonce: [1, 2, 3], signature: other, now: chain.now)
        }
    }

    @Test("a deactivated grantee's signature no longer counts")
    func deactivatedGrantee() async throws {
        let (chain, _, grantee, _, id) = try await setUp()
        try await chain.deactivate(grantee)
        #expect(try await verdict(chain, id: id, signer: grantee) == .granteeNotCurrentKey)
    }

    @Test("only the holder revokes; after revocation the verdict is revoked; ids are not reused")
    func revocation() async throws {
        let (chain, holder, grantee, stranger, id) = try await setUp()
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.authorizationRevoke, as: grantee, payload: CredentialLedgerPayload.authorizationRevocation(id: id))
        }
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.authorizationRevoke, as: stranger, payload: CredentialLedgerPayload.authorizationRevocation(id: id))
        }
        #expect(try await verdict(chain, id: id, signer: grantee) == .granted)
        try await chain.submit(.authorizationRevoke, as: holder, payload: CredentialLedgerPayload.authorizationRevocation(id: id))
        #expect(try chain.ledger.authorization(id: id)?.revoked == chain.now)
        #expect(try await verdict(chain, id: id, signer: grantee) == .revoked)
        await #expect(throws: ChainError(.alreadyExists, "")) {
            try await chain.submit(.authorizationRevoke, as: holder, payload: CredentialLedgerPayload.authorizationRevocation(id: id))
        }
        await #expect(throws: ChainError(.alreadyExists, "")) {
            try await chain.submit(.authorizationGrant, as: stranger, payload: CredentialLedgerPayload.authorizationGrant(
                id: id, grantee: stranger.did, scope: ["x"], purpose: "p", validFrom: 0, validUntil: 1))
        }
        await #expect(throws: ChainError(.notFound, "")) {
            try await chain.submit(.authorizationRevoke, as: holder,
                                   payload: CredentialLedgerPayload.authorizationRevocation(id: SecureRandom.bytes(count: 16)))
        }
    }
}
