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
    ///   - type: the new key's type (an HSM link makes secp256k1 keys only).
    /// - Returns: the opened custodian with the account's member key and DID keys (in full
    ///   custody each is unlocked for a session).
    package func custodian(for account: AccountRecord, generating newKey: KeyReference? = nil,
                           type: KeyType = .secp256k1) async throws -> AccountCustody {
        if newKey != nil, type != .secp256k1, account.custody == "hsm" {
            // The link generates and signs with CKM_EC_KEY_PAIR_GEN/CKM_ECDSA on secp256k1 (specs/custody.md §1.1).
            throw NodeError.refusal("Account '\(account.name)' keeps its keys on a PKCS#11 token, and Chancery's HSM link makes secp256k1 keys only; "
                                    + "a \(type) key needs a partial- or full-custody account.")
        }
        // Unlocking runs Argon2id or a PKCS#11 login: not on an event loop (the vault runs its
        // Argon2id on a dispatch thread itself, and may wait for vault nodes on other hosts).
        let custodian: any KeyCustodian = account.custody == "full"
            ? try await openVaultCustodian(for: account, generating: newKey, type: type)
            : try await BlockingWork.run { try openCustodian(for: account, generating: newKey, type: type) }
        if let newKey, let token = custodian as? PKCS11Custodian { _ = try await token.generateKey(label: newKey.id) }
        return AccountCustody(name: account.name, custodian: custodian, memberKey: account.memberKey, didKeys: account.didKeys ?? [])
    }

    private func openVaultCustodian(for account: AccountRecord, generating newKey: KeyReference?, type: KeyType) async throws -> VaultCustodian {
        let password = try secrets.secret(.password, account: account.name)
        let custodian = VaultCustodian(vault: try vault())
        // Each DID key is a vault account of its own under the same password; the member key
        // checks the password now, the DID keys are rebuilt when they first sign.
        try await custodian.unlock([account.memberKey] + (account.didKeys ?? []).map({ KeyReference($0.key) }), password: password)
        if let newKey { _ = try await custodian.generateKey(newKey, password: password, type: type) }
        return custodian
    }

    private func openCustodian(for account: AccountRecord, generating newKey: KeyReference?, type: KeyType) throws -> any KeyCustodian {
        switch account.custody {
        case "partial":
            guard let path = account.keystore else { throw NodeError("Account '\(account.name)' has no keystore file.") }
            let password = try secrets.secret(.password, account: account.name)
            let custodian = try SoftwareCustodian(opening: path, password: password)
            if let newKey { try custodian.generateKey(name: newKey.id, type: type) }
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
