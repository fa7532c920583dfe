package import Foundation
package import KeyCustody
package import Primitives

extension DataDirectory {
    /// Opens the custodian that holds an account's keys, asking for its secret once, the way
    /// the account's custody mode needs it (password or PIN, from the environment or a prompt).
    /// - Parameters:
    ///   - account: the account.
    ///   - newKey: a reference to generate a fresh key under in the same custodian (a new DID's
    ///     key), or `nil`.
    ///   - keyType: the new key's type: SM2 for a new DID on an sm chain. A PKCS#11 link makes
    ///     secp256k1 keys whatever is asked (`specs/custody.md` §1.1: SoftHSM2 has no SM2).
    /// - Returns: the opened custodian with the account's member key and DID keys (in full
    ///   custody each is unlocked for a session).
    package func custodian(for account: AccountRecord, generating newKey: KeyReference? = nil,
                           keyType: KeyType = .secp256k1) async throws -> AccountCustody {
        // Unlocking runs Argon2id or a PKCS#11 login: not on an event loop.
        let custodian = try await BlockingWork.run { try openCustodian(for: account, generating: newKey, keyType: keyType) }
        if let newKey, let token = custodian as? PKCS11Custodian { _ = try await token.generateKey(label: newKey.id) }
        return AccountCustody(name: account.name, custodian: custodian, memberKey: account.memberKey, didKeys: account.didKeys ?? [])
    }

    private func openCustodian(for account: AccountRecord, generating newKey: KeyReference?, keyType: KeyType) throws -> any KeyCustodian {
        switch account.custody {
        case "partial":
            guard let path = account.keystore else { throw NodeError("Account '\(account.name)' has no keystore file.") }
            let password = try secrets.secret(.password, account: account.name)
            let custodian = try SoftwareCustodian(opening: path, password: password)
            if let newKey {
                if keyType == .sm2 { try custodian.generateSM2Key(name: newKey.id) } else { try custodian.generateKey(name: newKey.id) }
            }
            return custodian
        case "full":
            let password = try secrets.secret(.password, account: account.name)
            let custodian = VaultCustodian(vault: try vault())
            // Each DID key is a vault account of its own under the same password.
            for key in [account.memberKey] + (account.didKeys ?? []).map({ KeyReference($0.key) }) {
                try custodian.unlock(key, password: password)
            }
            if let newKey {
                if keyType == .sm2 { try custodian.generateSM2Key(newKey, password: password) } else { try custodian.generateKey(newKey, password: password) }
            }
            return custodian
        case "hsm":
            guard let module = account.pkcs11Module, let token = account.tokenLabel, account.keyLabel != nil else {
                throw NodeError("Account '\(account.name)' lacks its PKCS#11 module, token or key label.")
            }
            let pin = try secrets.secret(.pin, account: account.name)
            return try PKCS11Custodian(modulePath: module, tokenLabel: token, pin: pin)
        default:
            throw NodeError("Account '\(account.name)' has an unknown custody mode '\(account.custody)'.")
        }
    }
}
