import Chain
import ChainTestSupport
import Credentials
import DID
import Primitives
import Testing

/// Credential-ledger operations authorised by an SM2-incepted did:chancery DID (`specs/credentials.md` §5.1).
struct SM2LedgerOperationTests {
    /// Creates an SM2-incepted DID on the chain with its default document.
    private func createSM2DID(on chain: CredentialChain, key: SM2PrivateKey) async throws -> DID {
        let did = try DIDChancery(chainId: chain.chainId, publicKey: key.publicKey).did
        let document = try DIDChancery.defaultDocument(for: did, publicKey: key.publicKey)
        let operation = try DIDOperation.signed(.create, did: did, document: document, previousVersionId: 0, chainId: chain.chainId, privateKey: key)
        _ = try await chain.chain.submit(type: DIDOperation.Kind.create.transactionType, body: operation.body)
        return did
    }

    @Test("an SM2 issuer registers a CPT with a 97-byte SM2 proof; another SM2 key, or an altered proof, is unauthorized")
    func cptBySM2Issuer() async throws {
        let chain = try CredentialChain()
        let key = SM2PrivateKey()
        let did = try await createSM2DID(on: chain, key: key)
        let payload = CredentialLedgerPayload.cptRegistration(schema: CredentialChain.diploma)
        let operation = try DIDAuthorizedOperation.signed(type: .cptRegister, did: did, payload: payload, chainId: chain.chainId, privateKey: key)
        #expect(operation.proof.count == 97)
        #expect(try operation.signingKey(chainId: chain.chainId) == .sm2(key.publicKey))
        let receipt = try await chain.chain.submit(type: .cptRegister, body: operation.body)
        let id = try #require(try chain.ledger.schemaIdentifier(registeredBy: receipt.transactionId))
        #expect(try chain.ledger.schema(id)?.author == did)

        let stranger = try DIDAuthorizedOperation.signed(type: .cptRegister, did: did, payload: CredentialLedgerPayload.cptRegistration(schema: CredentialChain.diploma),
                                                         chainId: chain.chainId, privateKey: SM2PrivateKey())
        await #expect(throws: ChainError(.unauthorized, "")) { try await chain.chain.submit(type: .cptRegister, body: stranger.body) }

        var proof = operation.proof
        proof[5] ^= 1
        let altered = DIDAuthorizedOperation(type: .cptRegister, did: did, payload: payload, proof: proof)
        #expect(throws: ChainError(.unauthorized, "")) { try altered.signingKey(chainId: chain.chainId) }
    }
}
