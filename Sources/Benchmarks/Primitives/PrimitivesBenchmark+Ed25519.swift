internal import CSodium
import Primitives

extension PrimitivesBenchmark {
    /// Ed25519, wrapper against libsodium called directly.
    static func ed25519Cases() -> [Case] {
        let seed = SecureRandom.bytes(count: 32)
        let key = try! Ed25519PrivateKey(seed: SecureBytes(seed))
        let publicKey = key.publicKey
        var rawPublic = [UInt8](repeating: 0, count: 32)
        var rawSecret = [UInt8](repeating: 0, count: 64)
        _ = crypto_sign_seed_keypair(&rawPublic, &rawSecret, seed)
        let frozenSecret = rawSecret, frozenPublic = rawPublic
        let message: [UInt8] = Array("chancery benchmark message".utf8)
        let signature = key.signature(for: message)
        return [
            Case(operation: "Ed25519 sign",
                 wrapper: { key.signature(for: message).count == 64 },
                 library: {
                     var out = [UInt8](repeating: 0, count: 64)
                     return crypto_sign_detached(&out, nil, message, UInt64(message.count), frozenSecret) == 0
                 }),
            Case(operation: "Ed25519 verify",
                 wrapper: { publicKey.isValidSignature(signature, for: message) },
                 library: { crypto_sign_verify_detached(signature, message, UInt64(message.count), frozenPublic) == 0 }),
        ]
    }
}
