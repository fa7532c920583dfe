import Primitives
internal import DID

/// Decoded public keys by verification method. The method itself (id, type and key text) is
/// the cache key, so a rotated key is a different entry and is never confused with the old one.
final class VerificationKeyCache: @unchecked Sendable {
    private let lock = AdaptiveLock()
    private var keys: [VerificationMethod: PublicKeyMaterial] = [:]

    /// The method's key, decoded once; `nil` when it cannot be decoded.
    func publicKey(of method: VerificationMethod) -> PublicKeyMaterial? {
        if let key = lock.withLock({ keys[method] }) { return key }
        guard let key = try? method.publicKeyMaterial() else { return nil }
        lock.withLock {
            if keys.count >= 10_000 { keys.removeAll(keepingCapacity: true) }
            keys[method] = key
        }
        return key
    }
}
