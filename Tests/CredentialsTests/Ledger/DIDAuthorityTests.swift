import Chain
import ChainTestSupport
import Credentials
import DID
import KeyCustody
import Primitives
import Testing

/// Who may sign a credential-ledger transaction for a DID, each rule both ways.
struct DIDAuthorityTests {
    let payload = CredentialLedgerPayload.cptRegistration(schema: CredentialChain.diploma)

    @Test("a proof by a key that is not the DID's is refused, and by the DID's key accepted")
    func wrongKey() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let mallory = try await chain.create("mallory")
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.cptRegister, as: university, payload: payload, signer: mallory.key)
        }
        #expect(try chain.ledger.latestSchema(number: 1000) == nil)
        try await chain.submit(.cptRegister, as: university, payload: payload)
        #expect(try chain.ledger.latestSchema(number: 1000)?.author == university.did)
    }

    @Test("a deactivated DID can no longer act")
    func deactivated() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        try await chain.submit(.cptRegister, as: university, payload: payload)
        try await chain.deactivate(university)
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.cptRegister, as: university, payload: payload)
        }
        #expect(try chain.ledger.latestSchema(number: 1001) == nil)
    }

    @Test("a DID that was never created is unknown, even with its inception key")
    func unknownDID() async throws {
        let chain = try CredentialChain()
        let ghost = try chain.newIdentity("ghost")
        await #expect(throws: ChainError(.notFound, "")) {
            try await chain.submit(.cptRegister, as: ghost, payload: payload)
        }
    }

    @Test("a DID of another chain is refused before ordering")
    func otherChain() async throws {
        let chain = try CredentialChain()
        let key = Secp256k1PrivateKey()
        let foreign = try DIDChancery(chainId: "elsewhere", publicKey: key.publicKey).did
        let operation = try DIDAuthorizedOperation.signed(type: .cptRegister, did: foreign, payload: payload, chainId: chain.chainId,
                                                          privateKey: key)
        await #expect(throws: ChainError(.invalidBody, "")) {
            _ = try await chain.chain.submit(type: .cptRegister, body: operation.body)
        }
    }

    @Test("a proof signed for another transaction type does not authorise this one")
    func typeBinding() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let operation = try await DIDAuthorizedOperation.signed(type: .issuerApply, did: university.did, payload: payload,
                                                                chainId: chain.chainId, custodian: chain.chain.custodian, key: university.key)
        await #expect(throws: ChainError(.unauthorized, "")) {
            _ = try await chain.chain.submit(type: .cptRegister, body: operation.body)
        }
    }
}
