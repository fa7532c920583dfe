public import Primitives

/// The Argon2id key of a user's password under one salt: what authenticates the user to each
/// vault node (every node's auth key follows from it), without the password itself.
///
/// A log-in session keeps it so that the user's next key can be split under the same password
/// (the same salt and parameters, so the password alone still recovers it) without asking for
/// the password again and without holding it: a memory dump of a session yields a key good for
/// this vault only, never a password the user may have used elsewhere. It lives in
/// `SecureBytes`, wiped when the session releases it.
public final class VaultPasswordKey: Sendable {
    let key: SecureBytes
    let salt: [UInt8]
    let parameters: Argon2id.Parameters

    init(key: SecureBytes, salt: [UInt8], parameters: Argon2id.Parameters) {
        self.key = key
        self.salt = salt
        self.parameters = parameters
    }
}
