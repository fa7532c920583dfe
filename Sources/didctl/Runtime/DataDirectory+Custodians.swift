import Foundation
import KeyCustody
import Primitives

extension DataDirectory {
    /// Opens the custodian that holds an account's key, asking for its secret the way the
    /// account's custody mode needs it (password or PIN, from the environment or a prompt).
    /// - Returns: the custodian and the reference of the account's key in it.
    func custodian(for account: AccountRecord) async throws -> (custodian: any KeyCustodian, key: KeyReference) {
        // Unlocking runs Argon2id or a PKCS#11 login: not on an event loop.
        try await BlockingWork.run { try openCustodian(for: account) }
    }

    private func openCustodian(for account: AccountRecord) throws -> (custodian: any KeyCustodian, key: KeyReference) {
        switch account.custody {
        case "partial":
            guard let path = account.keystore else { throw DidctlFailure("Account '\(account.name)' has no keystore file.") }
            let password = try SecretInput.read(environment: "CHANCERY_PASSWORD", prompt: "Keystore password for \(account.name): ")
            return (try SoftwareCustodian(opening: path, password: password), KeyReference(account.name))
        case "full":
            let password = try SecretInput.read(environment: "CHANCERY_PASSWORD", prompt: "Password for \(account.name): ")
            let custodian = VaultCustodian(vault: try AccountCreateCommand.vault(in: self))
            try custodian.unlock(KeyReference(account.name), password: password)
            return (custodian, KeyReference(account.name))
        case "hsm":
            guard let module = account.pkcs11Module, let token = account.tokenLabel, let label = account.keyLabel else {
                throw DidctlFailure("Account '\(account.name)' lacks its PKCS#11 module, token or key label.")
            }
            let pin = try SecretInput.read(environment: "CHANCERY_PKCS11_PIN", prompt: "PIN of token \(token): ")
            return (try PKCS11Custodian(modulePath: module, tokenLabel: token, pin: pin), KeyReference(label))
        default:
            throw DidctlFailure("Account '\(account.name)' has an unknown custody mode '\(account.custody)'.")
        }
    }
}
