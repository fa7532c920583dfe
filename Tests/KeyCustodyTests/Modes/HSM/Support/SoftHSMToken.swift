import KeyCustody

/// A SoftHSM2 token of the shared test environment that belongs to one test.
struct SoftHSMToken {
    /// The security officer's PIN of every test token.
    static let soPIN = "1234"
    /// The user PIN of every test token.
    static let userPIN = "5678"

    /// The token's label, unique in the process.
    let label: String
    /// The SoftHSM2 module path.
    let modulePath: String

    /// Takes a freshly initialised token (user PIN set, no objects) that no other test uses.
    init() throws {
        let environment = try SoftHSMEnvironment.shared.get()
        label = try environment.unusedTokenLabel()
        modulePath = environment.modulePath
    }

    /// A custodian logged in to this token.
    /// - Parameter pin: the user PIN to log in with.
    func custodian(pin: String = SoftHSMToken.userPIN) throws -> PKCS11Custodian {
        try PKCS11Custodian(modulePath: modulePath, tokenLabel: label, pin: pin)
    }
}
