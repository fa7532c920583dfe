import KeyCustody
import Primitives
import Testing

@Suite("PKCS11Custodian signing against SoftHSM2")
struct PKCS11CustodianSigningTests {
    private static func randomDigest() -> [UInt8] { (0..<32).map { _ in UInt8.random(in: .min ... .max) } }

    @Test("200 token signatures are all low-S, verify strictly, and some needed normalising")
    func signaturesAreLowSAndVerify() async throws {
        let custodian = try SoftHSMToken().custodian()
        let publicKey = try await custodian.generateKey(label: "member-key")
        #expect(try await custodian.publicKey(for: KeyReference("member-key")) == publicKey)
        for _ in 0..<200 {
            let digest = Self.randomDigest()
            let signature = try await custodian.sign(digest: digest, with: KeyReference("member-key"))
            #expect(signature.isLowS)
            #expect(publicKey.isValidSignature(signature, forDigest: digest))
        }
        // SoftHSM2 does not normalise S: about half of its raw signatures are high-S.
        #expect(custodian.normalizedSignatureCount > 0)
        #expect(custodian.normalizedSignatureCount < 200)
    }

    @Test("Eight tasks signing at once all get valid signatures")
    func concurrentSigning() async throws {
        let custodian = try SoftHSMToken().custodian()
        let publicKey = try await custodian.generateKey(label: "shared-key")
        let valid = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var valid = 0
                    for _ in 0..<25 {
                        let digest = Self.randomDigest()
                        let signature = try await custodian.sign(digest: digest, with: KeyReference("shared-key"))
                        if publicKey.isValidSignature(signature, forDigest: digest) { valid += 1 }
                    }
                    return valid
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(valid == 200)
    }

    @Test("A generated key lives in the token: a later custodian finds and signs with it")
    func keyPersistsAcrossCustodians() async throws {
        let token = try SoftHSMToken()
        let publicKey = try await token.custodian().generateKey(label: "kept")
        let later = try token.custodian()
        #expect(try await later.publicKey(for: KeyReference("kept")) == publicKey)
        let digest = Self.randomDigest()
        #expect(publicKey.isValidSignature(try await later.sign(digest: digest, with: KeyReference("kept")), forDigest: digest))
    }

    @Test("A digest that is not 32 bytes is refused as invalid input")
    func wrongDigestLength() async throws {
        let custodian = try SoftHSMToken().custodian()
        _ = try await custodian.generateKey(label: "k")
        await #expect(throws: KeyCustodyError(.invalidInput, "")) {
            try await custodian.sign(digest: [UInt8](repeating: 1, count: 31), with: KeyReference("k"))
        }
    }
}
