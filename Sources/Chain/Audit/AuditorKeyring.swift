public import Primitives

/// The auditor's keys, one X25519 key per membership epoch, all derived from one secp256k1
/// master scalar (`specs/audit.md` §6):
/// `x_e = SHA-256("chancery/auditor-epoch/v1" ‖ master ‖ u64 e)`, clamped by X25519 itself.
///
/// The master is a secp256k1 scalar so that ``FeldmanVSS`` can split it t-of-n among officers;
/// its public key `master · G` (the dealing's `C_0`) names it and checks a rebuilt master.
///
/// ```swift
/// let keyring = AuditorKeyring(master: Secp256k1PrivateKey())
/// let dealing = try keyring.split(threshold: 2, shareCount: 3)        // one share per officer
/// let rebuilt = try AuditorKeyring(shares: [dealing.shares[0], dealing.shares[2]], commitments: dealing.commitments)
/// try rebuilt.publicKey(epoch: 20_413) == keyring.publicKey(epoch: 20_413)   // true
/// ```
/// - Warning: whoever holds the master opens every epoch's envelopes, past and future; hand
///   out epoch keys, not the master, to anyone who needs only one epoch.
public struct AuditorKeyring: AuditorKeySource {
    /// The domain tag of the epoch-key derivation.
    public static let derivationTag = "chancery/auditor-epoch/v1"

    private let master: Secp256k1PrivateKey

    /// Wraps a master scalar.
    /// - Parameter master: the auditor's master secret.
    public init(master: Secp256k1PrivateKey) { self.master = master }

    /// Rebuilds the master from officers' shares, checking each share and the result against
    /// the dealing's public commitments.
    /// - Parameters:
    ///   - shares: at least the threshold's number of distinct shares.
    ///   - commitments: the dealing's Feldman commitments; the first is the master public key.
    /// - Throws: `ChainError.invalidAuditorKey` naming bad shares, too few shares, or a mismatch.
    public init(shares: [ShamirShare], commitments: [Secp256k1PublicKey]) throws(ChainError) {
        do { master = try FeldmanVSS.combine(shares: shares, commitments: commitments) } catch {
            throw ChainError(.invalidAuditorKey, "The auditor master cannot be rebuilt: \(Self.reason(error))")
        }
    }

    /// The master's public key (`master · G`), which names the keyring without revealing it.
    public var masterPublicKey: Secp256k1PublicKey { master.publicKey }

    /// Splits the master among officers, any `threshold` of whom can rebuild it.
    /// - Parameters:
    ///   - threshold: shares needed, 1...shareCount.
    ///   - shareCount: officers, at most 255.
    /// - Returns: one share per officer and the public commitments to check them against.
    /// - Throws: `ChainError.invalidAuditorKey` unless 1 ≤ threshold ≤ shareCount ≤ 255.
    public func split(threshold: Int, shareCount: Int) throws(ChainError) -> FeldmanVSS.Dealing {
        do { return try FeldmanVSS.split(master, threshold: threshold, shareCount: shareCount) } catch {
            throw ChainError(.invalidAuditorKey, "The auditor master cannot be split: \(Self.reason(error))")
        }
    }

    /// The private key of one epoch: what the audit index opens that epoch's envelopes with.
    /// - Parameter epoch: the membership epoch.
    /// - Returns: `x_e` as an X25519 key.
    /// - Throws: `ChainError.invalidAuditorKey` if libsodium refuses the scalar (it should not).
    public func privateKey(epoch: UInt64) throws(ChainError) -> X25519PrivateKey {
        let tag = Array(Self.derivationTag.utf8)
        // The input holds the master, so it lives in wiped memory rather than in an array.
        let input = SecureBytes(count: tag.count + 40) { out in
            out.copyBytes(from: tag)
            master.rawRepresentation.withUnsafeBytes {
                UnsafeMutableRawBufferPointer(rebasing: out[tag.count..<tag.count + 32]).copyMemory(from: $0)
            }
            for shift in 0..<8 { out[tag.count + 39 - shift] = UInt8(truncatingIfNeeded: epoch >> (8 * UInt64(shift))) }
        }
        let scalar = SecureBytes(input.withUnsafeBytes { Hash.sha256($0) })
        do { return try X25519PrivateKey(rawRepresentation: scalar) } catch {
            throw ChainError(.invalidAuditorKey, "The key of epoch \(epoch) cannot be derived: \(Self.reason(error))")
        }
    }

    /// The public key of one epoch: what the membership service seals that epoch's envelopes to.
    /// - Parameter epoch: the membership epoch.
    /// - Returns: the X25519 public key of ``privateKey(epoch:)``.
    /// - Throws: `ChainError.invalidAuditorKey` as ``privateKey(epoch:)`` does.
    public func publicKey(epoch: UInt64) throws(ChainError) -> X25519PublicKey {
        try privateKey(epoch: epoch).publicKey
    }

    private static func reason(_ error: any Error) -> String {
        (error as? PrimitivesError)?.reason ?? "\(error)"
    }
}
