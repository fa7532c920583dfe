import Chain
import Credentials
import DID
import KeyCustody
import Primitives
import Testing

/// The signed bytes of DID-authorised operations, written out by hand from the spec.
struct DIDAuthorizedOperationTests {
    let did = try! DID(parsing: "did:chancery:test-chain:0x00000000000000000000000000000000000000aa")

    @Test("the digest is the tagged hash of length-prefixed chain id, type, DID and JCS payload, as specs/credentials.md §5.1 writes")
    func digestBytes() throws {
        let payload: JSONObject = ["b": 1, "a": "x"]
        // str = varint length ‖ UTF-8; every length here is below 128, so one byte.
        func str(_ text: String) -> [UInt8] { [UInt8(text.utf8.count)] + Array(text.utf8) }
        let message = str("test-chain") + str("cpt.register") + str(did.description) + str(#"{"a":"x","b":1}"#)
        let tag = Hash.sha256(Array("chancery/credentials/v1".utf8))
        let expected = Hash.sha256(tag + tag + message)
        #expect(DIDAuthorizedOperation.digest(chainId: "test-chain", type: .cptRegister, did: did, payload: payload) == expected)
        #expect(DIDAuthorizedOperation.digest(chainId: "other-chain", type: .cptRegister, did: did, payload: payload) != expected)
        #expect(DIDAuthorizedOperation.digest(chainId: "test-chain", type: .issuerApply, did: did, payload: payload) != expected)
    }

    @Test("a body round-trips and its proof recovers the signing key, for software and custodian keys")
    func roundTrip() async throws {
        let key = Secp256k1PrivateKey()
        let signed = try DIDAuthorizedOperation.signed(type: .statusUpdate, did: did, payload: ["list": "x"], chainId: "c", privateKey: key)
        let parsed = try DIDAuthorizedOperation(type: .statusUpdate, body: signed.body)
        #expect(parsed == signed)
        #expect(try parsed.signer(chainId: "c") == key.publicKey)
        #expect(try DIDAuthorizedOperation(type: .cptRegister, body: signed.body).signer(chainId: "c") != key.publicKey)

        let custodian = InMemoryCustodian()
        let publicKey = custodian.generate(KeyReference("k"))
        let viaCustodian = try await DIDAuthorizedOperation.signed(type: .statusUpdate, did: did, payload: [:], chainId: "c",
                                                                   custodian: custodian, key: KeyReference("k"))
        #expect(try viaCustodian.signer(chainId: "c") == publicKey)
    }

    @Test("bodies without a 65-byte proof, a DID or a payload object, or with extra members, are refused")
    func malformedBodies() throws {
        let proof = Base64URL.encode([UInt8](repeating: 1, count: 65))
        for body: JSONValue in [
            ["did": .string(did.description), "payload": [:], "proof": .string(Base64URL.encode([1, 2]))],
            ["payload": [:], "proof": .string(proof)],
            ["did": .string(did.description), "payload": [1], "proof": .string(proof)],
            ["did": .string(did.description), "payload": [:], "proof": .string(proof), "extra": 1],
        ] {
            #expect(throws: CredentialsError(.invalidLedgerOperation, "")) {
                try DIDAuthorizedOperation(type: .cptRegister, body: JCS.canonicalize(body))
            }
        }
    }
}
