package import Foundation
package import Primitives

/// Where the node layer gets the password or PIN that unlocks an account's custodian.
///
/// The CLI reads the environment and, on a terminal, prompts; a running node never prompts on
/// its terminal, so it is given ``EnvironmentSecrets`` (and, for full-custody accounts, the
/// password a session brought).
package protocol SecretSource: Sendable {
    /// The secret of `kind` for `account`.
    /// - Throws: ``NodeError`` when there is none to be had.
    func secret(_ kind: SecretKind, account: String?) throws -> SecureBytes
}

/// Which secret an account's custody mode asks for.
package enum SecretKind: Sendable {
    /// A keystore's or the vault's password (`CHANCERY_PASSWORD`).
    case password
    /// A PKCS#11 token's user PIN (`CHANCERY_PKCS11_PIN`).
    case pin

    /// The environment variable that carries it.
    package var environmentVariable: String {
        switch self {
        case .password: "CHANCERY_PASSWORD"
        case .pin: "CHANCERY_PKCS11_PIN"
        }
    }
}

/// Secrets from the environment only: `NAME_<ACCOUNT>` (upper case, other characters as `_`)
/// before `NAME`. Never from arguments, which other users can see in the process list.
package struct EnvironmentSecrets: SecretSource {
    package init() {}

    package func secret(_ kind: SecretKind, account: String?) throws -> SecureBytes {
        if let value = Self.value(of: kind, account: account) { return value }
        throw NodeError("No secret given: set \(kind.environmentVariable).")
    }

    /// The variable's value, or `nil` when neither variable is set (or both are empty).
    package static func value(of kind: SecretKind, account: String?) -> SecureBytes? {
        let name = kind.environmentVariable
        let specific = account.map { name + "_" + String($0.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }) }
        for variable in [specific, name].compactMap({ $0 }) {
            if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty { return SecureBytes(Array(value.utf8)) }
        }
        return nil
    }
}
