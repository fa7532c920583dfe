import KeyCustody
import Testing

@Suite("PKCS11 key protection")
struct PKCS11KeyProtectionTests {
    @Test("A generated private key is sensitive and non-extractable, and the token refuses its value")
    func generatedKeyIsNotExtractable() async throws {
        let custodian = try SoftHSMToken().custodian()
        _ = try await custodian.generateKey(label: "guarded")
        let protection = try custodian.keyProtection(for: KeyReference("guarded"))
        #expect(protection.sensitive)
        #expect(!protection.extractable)
        #expect(protection.neverExtractable)
        #expect(!protection.valueReadable)
    }
}
