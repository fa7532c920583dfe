import KeyCustody
import Testing

@Suite("PKCS11Custodian errors")
struct PKCS11CustodianErrorTests {
    @Test("A wrong PIN is refused as authenticationFailed")
    func wrongPIN() throws {
        let token = try SoftHSMToken()
        let error = #expect(throws: KeyCustodyError.self) { try token.custodian(pin: "0000") }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.reason.contains("CKR_PIN_INCORRECT") == true)
    }

    @Test("While the process is logged in, a second custodian with a wrong PIN is still refused")
    func wrongPINWhileLoggedIn() throws {
        let token = try SoftHSMToken()
        let first = try token.custodian()
        #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try token.custodian(pin: "0000") }
        #expect(throws: Never.self) { try token.custodian() }
        withExtendedLifetime(first) {}
    }

    @Test("An unknown token label is backendUnavailable and lists the labels present")
    func unknownToken() throws {
        let present = try SoftHSMToken()
        let error = #expect(throws: KeyCustodyError.self) {
            try PKCS11Custodian(modulePath: present.modulePath, tokenLabel: "no-such-token", pin: "5678")
        }
        #expect(error?.code == .backendUnavailable)
        #expect(error?.reason.contains("\"\(present.label)\"") == true)
    }

    @Test("A missing module is backendUnavailable and names the path")
    func missingModule() throws {
        let path = "/nonexistent/libpkcs11-missing.so"
        let error = #expect(throws: KeyCustodyError.self) {
            try PKCS11Custodian(modulePath: path, tokenLabel: "any", pin: "5678")
        }
        #expect(error?.code == .backendUnavailable)
        #expect(error?.reason.contains(path) == true)
    }

    @Test("A library that is not a PKCS#11 module is backendUnavailable")
    func notAModule() throws {
        let error = #expect(throws: KeyCustodyError.self) {
            try PKCS11Custodian(modulePath: "libsodium.so.23", tokenLabel: "any", pin: "5678")
        }
        #expect(error?.code == .backendUnavailable)
        #expect(error?.reason.contains("C_GetFunctionList") == true)
    }

    @Test("An unknown key label is keyNotFound and names the label, for lookup and signing")
    func unknownKey() async throws {
        let custodian = try SoftHSMToken().custodian()
        let lookup = await #expect(throws: KeyCustodyError.self) {
            try await custodian.publicKey(for: KeyReference("ghost-key"))
        }
        #expect(lookup?.code == .keyNotFound)
        #expect(lookup?.reason.contains("ghost-key") == true)
        await #expect(throws: KeyCustodyError(.keyNotFound, "")) {
            try await custodian.sign(digest: [UInt8](repeating: 7, count: 32), with: KeyReference("ghost-key"))
        }
    }

    @Test("Generating a key under a label already in the token is refused")
    func duplicateLabel() async throws {
        let custodian = try SoftHSMToken().custodian()
        _ = try await custodian.generateKey(label: "taken")
        await #expect(throws: KeyCustodyError(.invalidInput, "")) { try await custodian.generateKey(label: "taken") }
    }
}
