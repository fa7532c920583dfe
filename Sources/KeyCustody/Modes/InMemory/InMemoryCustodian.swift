import Foundation
public import Primitives

/// A custodian that holds software keys in process memory only: real code for tests,
/// benchmarks and short-lived tools, with the same contract as the durable custodians.
///
/// - Warning: keys are lost when the process ends; use partial or full custody for members.
public final class InMemoryCustodian: KeyCustodian, KeyExporter, @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var keys: [KeyReference: Secp256k1PrivateKey] = [:]

    /// Reports itself as partial custody: the member holds the keys.
    public let mode = CustodyMode.partial

    /// Creates an empty custodian.
    public init() {}

    /// Adds a key under `reference`, replacing any key of that name.
    public func add(_ key: Secp256k1PrivateKey, as reference: KeyReference) { lock.withLock { keys[reference] = key } }

    /// Generates and adds a key.
    /// - Returns: its public key.
    @discardableResult
    public func generate(_ reference: KeyReference) -> Secp256k1PublicKey {
        let key = Secp256k1PrivateKey()
        add(key, as: reference)
        return key.publicKey
    }

    public func publicKey(for key: KeyReference) async throws -> Secp256k1PublicKey { try privateKey(key).publicKey }

    public func sign(digest: [UInt8], with key: KeyReference) async throws -> Secp256k1ECDSASignature {
        do { return try privateKey(key).signature(forDigest: digest) } catch let error as KeyCustodyError { throw error } catch {
            throw KeyCustodyError(.invalidInput, "The digest could not be signed: \(error).")
        }
    }

    public func exportPrivateKey(_ key: KeyReference) async throws -> Secp256k1PrivateKey { try privateKey(key) }

    private func privateKey(_ reference: KeyReference) throws -> Secp256k1PrivateKey {
        guard let key = lock.withLock({ keys[reference] }) else {
            throw KeyCustodyError(.keyNotFound, "No key named '\(reference)' is held in memory.")
        }
        return key
    }
}
