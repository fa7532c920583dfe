import Foundation
import Primitives

/// Reads a password or PIN from an environment variable or, on a terminal, a prompt without
/// echo; never from arguments, which other users can see in the process list.
enum SecretInput {
    /// Reads a secret.
    /// - Parameters:
    ///   - name: the environment variable.
    ///   - account: the account the secret unlocks, when one command needs several accounts' secrets
    ///     (a DID key added for another account): `NAME_<ACCOUNT>` (upper case, other characters
    ///     as `_`) is read before `NAME`.
    ///   - prompt: the prompt on a terminal.
    static func read(environment name: String, account: String? = nil, prompt: String) throws -> SecureBytes {
        let specific = account.map { name + "_" + String($0.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }) }
        for variable in [specific, name].compactMap({ $0 }) {
            if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty { return SecureBytes(Array(value.utf8)) }
        }
        guard isatty(STDIN_FILENO) == 1, let typed = getpass(prompt) else {
            throw DidctlFailure("No secret given: set \(name) or run on a terminal to be prompted.")
        }
        let secret = SecureBytes(Array(String(cString: typed).utf8))
        memset(typed, 0, strlen(typed))
        guard secret.count > 0 else { throw DidctlFailure("An empty secret is not accepted.") }
        return secret
    }
}
