import Foundation
import Node
import Primitives

/// The CLI's secrets: the environment first (``EnvironmentSecrets``), else a prompt without
/// echo when standard input is a terminal.
struct TerminalSecrets: SecretSource {
    func secret(_ kind: SecretKind, account: String?) throws -> SecureBytes {
        if let value = EnvironmentSecrets.value(of: kind, account: account) { return value }
        let prompt = switch kind {
        case .password: account.map { "Password for \($0): " } ?? "Password: "
        case .pin: account.map { "Token PIN for \($0): " } ?? "Token PIN: "
        }
        guard isatty(STDIN_FILENO) == 1, let typed = getpass(prompt) else {
            throw DidctlFailure("No secret given: set \(kind.environmentVariable) or run on a terminal to be prompted.")
        }
        let secret = SecureBytes(Array(String(cString: typed).utf8))
        memset(typed, 0, strlen(typed))
        guard secret.count > 0 else { throw DidctlFailure("An empty secret is not accepted.") }
        return secret
    }
}
