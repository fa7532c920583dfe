internal import Primitives

/// Every key the vault derives, in one place so the spec (specs/custody-vault.md, "Keys") can
/// be checked against one file. Labels are distinct ASCII prefixes, so no two derivations can
/// hash the same message under the same key.
enum VaultKeyDerivation {
    static let shareLabel = Array("chancery/vault-share/v1".utf8)
    static let macLabel = Array("chancery/vault-file-mac/v1".utf8)
    static let nodeIDLabel = Array("chancery/vault-node-id/v1".utf8)
    static let authLabel = Array("chancery/vault-auth/v1".utf8)
    static let transportSigningLabel = Array("chancery/vault-transport-signing/v1".utf8)
    static let transportSealingLabel = Array("chancery/vault-transport-sealing/v1".utf8)

    /// Client side: the Argon2id key of the password, from which each node's auth key follows.
    /// - Throws: `KeyCustodyError.invalidInput` for a password longer than Argon2id accepts or a
    ///   salt of the wrong length; `.backendFailure` when the memory cannot be allocated.
    static func passwordKey(password: SecureBytes, salt: [UInt8], parameters: Argon2id.Parameters) throws -> SecureBytes {
        do {
            return try password.withUnsafeBytes {
                try Argon2id.deriveKey(password: $0, salt: salt, outputLength: 32, parameters: parameters)
            }
        } catch let error as PrimitivesError where error.code == .invalidInput {
            throw KeyCustodyError(.invalidInput, "The password cannot be used: \(error.reason)")
        } catch {
            throw KeyCustodyError(.backendFailure, "Deriving the password key failed: \(error).")
        }
    }

    /// ``passwordKey(password:salt:parameters:)`` on a dispatch thread: Argon2id holds its
    /// thread for a noticeable time, and the caller's task may run on an HTTP event loop.
    /// - Throws: as ``passwordKey(password:salt:parameters:)``.
    static func derivePasswordKey(password: SecureBytes, salt: [UInt8], parameters: Argon2id.Parameters) async throws -> SecureBytes {
        try await BlockingWork.run { try passwordKey(password: password, salt: salt, parameters: parameters) }
    }

    /// Client side: the key that authenticates the user to one node,
    /// `BLAKE2b-256(key: passwordKey, "chancery/vault-auth/v1" ‖ nodeID)`; a node learns only its own.
    static func userAuthKey(passwordKey: SecureBytes, nodeID: String) -> SecureBytes {
        SecureBytes(keyedHash(key: passwordKey, authLabel + Array(nodeID.utf8)))
    }

    /// Node side: `BLAKE2b-256(key: nodeSecret, "chancery/vault-share/v1" ‖ account ‖ userAuthKey)`.
    /// `userAuthKey` is always 32 bytes, so the account's end is unambiguous.
    static func shareKey(nodeSecret: SecureBytes, account: String, userAuthKey: SecureBytes) -> SecureBytes {
        SecureBytes(keyedHash(key: nodeSecret, shareLabel + Array(account.utf8) + userAuthKey.unsafeArray))
    }

    /// Node side: the key of the share files' MACs.
    static func macKey(nodeSecret: SecureBytes) -> SecureBytes {
        SecureBytes(keyedHash(key: nodeSecret, macLabel))
    }

    /// Node side: the node's public name, 16 bytes in hex, stable for as long as its secret.
    static func nodeID(nodeSecret: SecureBytes) -> String {
        Hex.encode(keyedHash(key: nodeSecret, nodeIDLabel).prefix(16))
    }

    /// Node side: the Ed25519 seed of the node's transport signing key (§9.1).
    static func transportSigningSeed(nodeSecret: SecureBytes) -> SecureBytes {
        SecureBytes(keyedHash(key: nodeSecret, transportSigningLabel))
    }

    /// Node side: the X25519 secret that requests are sealed to (§9.1).
    static func transportSealingSecret(nodeSecret: SecureBytes) -> SecureBytes {
        SecureBytes(keyedHash(key: nodeSecret, transportSealingLabel))
    }

    /// Node side: the MAC of a share file's canonical body.
    static func mac(_ message: [UInt8], key macKey: SecureBytes) -> [UInt8] {
        keyedHash(key: macKey, message)
    }

    private static func keyedHash(key: SecureBytes, _ message: [UInt8]) -> [UInt8] {
        do {
            return try Hash.blake2b(message, outputLength: 32, key: key.unsafeArray)
        } catch {
            preconditionFailure("BLAKE2b-256 with a 32-byte key cannot fail: \(error)")
        }
    }
}
