import Foundation
import Primitives

/// Reads a password or PIN from an environment variable or, on a terminal, a prompt without
/// echo; never from arguments, which other users can see in the process list.
enum SecretInput {
    static func read(environment name: String, prompt: String) throws -> SecureBytes {
        if let value = ProcessInfo.processInfo.environment[name], !value.isEmpty { return SecureBytes(Array(value.utf8)) }
        guard isatty(STDIN_FILENO) == 1, let typed = getpass(prompt) else {
            throw DidctlFailure("No secret given: set \(name) or run on a terminal to be prompted.")
        }
        let secret = SecureBytes(Array(String(cString: typed).utf8))
        memset(typed, 0, strlen(typed))
        guard secret.count > 0 else { throw DidctlFailure("An empty secret is not accepted.") }
        return secret
    }
}
