import KeyCustody
import Testing

@Suite("PKCS11Custodian and SM2")
struct PKCS11CustodianSM2Tests {
    @Test("SM2 key generation is refused as unsupportedKeyType, naming SoftHSM2, and leaves the token empty")
    func sm2Refused() async throws {
        let token = try SoftHSMToken()
        let custodian = try token.custodian()
        let error = await #expect(throws: KeyCustodyError.self) { try await custodian.generateKey(label: "gm-1", type: .sm2) }
        #expect(error?.code == .unsupportedKeyType)
        #expect(error?.reason.contains("SoftHSM2 offers no SM2") == true)
        await #expect(throws: KeyCustodyError(.keyNotFound, "")) { try await custodian.publicKey(for: KeyReference("gm-1")) }
        let created = try await custodian.generateKey(label: "k1", type: .secp256k1)
        #expect(created.keyType == .secp256k1)
    }
}
