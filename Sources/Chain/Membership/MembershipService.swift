import Foundation
public import Primitives

/// Certifies one-time keys for admitted members (`specs/chain.md` §2.3): one certificate
/// (BIP-340, or SM2 on a chain of the sm suite) per key over the epoch, the key and the hash of its sealed auditor envelope.
/// It keeps no member-to-key table; each request leaves one auditor-sealed log entry.
public final class MembershipService: Sendable {
    /// The most keys one request may ask for.
    public static let maximumKeysPerRequest = 10_000
    /// How far a request's time may be from the service's clock.
    public static let maximumClockSkewMilliseconds = ClockSkew.maximumMilliseconds

    private let chainId: String
    private let key: SigningKey
    private let suite: ChainCryptoSuite
    private let auditorKeys: any AuditorSealingKeys
    private let schedule: EpochSchedule
    private let members: any StateReader
    private let log: (@Sendable ([UInt8]) throws -> Void)?

    /// Creates the service.
    /// - Parameters:
    ///   - chainId: the chain's id.
    ///   - key: the membership service's key named in genesis; its scheme is the chain's suite's
    ///     (BIP-340 for standard, SM2 for sm), and one-time keys must be of the same scheme.
    ///   - auditorKeys: the auditor's public key of each epoch (`specs/audit.md` §6): the keys it
    ///     published for coming epochs, or one static key.
    ///   - schedule: the chain's epoch schedule.
    ///   - members: committed state, to look members up.
    ///   - log: receives each sealed issuance-log entry (append it durably); `nil` keeps none.
    public init(chainId: String, key: SigningKey, auditorKeys: any AuditorSealingKeys, schedule: EpochSchedule,
                members: any StateReader, log: (@Sendable ([UInt8]) throws -> Void)? = nil) {
        self.chainId = chainId
        self.key = key
        self.suite = ChainCryptoSuite(signingWith: key.scheme)
        self.auditorKeys = auditorKeys
        self.schedule = schedule
        self.members = members
        self.log = log
    }

    /// Creates the service sealing every epoch to one static auditor key.
    /// - Parameters:
    ///   - chainId: the chain's id.
    ///   - key: the membership service's key named in genesis.
    ///   - auditorKey: the X25519 key envelopes are sealed to.
    ///   - schedule: the chain's epoch schedule.
    ///   - members: committed state, to look members up.
    ///   - log: receives each sealed issuance-log entry; `nil` keeps none.
    public convenience init(chainId: String, key: SigningKey, auditorKey: X25519PublicKey, schedule: EpochSchedule,
                            members: any StateReader, log: (@Sendable ([UInt8]) throws -> Void)? = nil) {
        self.init(chainId: chainId, key: key, auditorKeys: auditorKey as any AuditorSealingKeys, schedule: schedule,
                  members: members, log: log)
    }

    /// Checks a request and certifies its keys.
    /// - Parameters:
    ///   - request: the member's signed request.
    ///   - now: the service's time, milliseconds since 1970.
    /// - Returns: one `(certificate, envelope)` per requested key, in order.
    /// - Throws: `ChainError.unauthorized` for unknown members or bad signatures, `.expiredEpoch`
    ///   / `.futureEpoch` for another epoch, `.invalidBody` for malformed keys or counts,
    ///   `.invalidAuditorKey` when the auditor published no key for the epoch.
    public func certify(_ request: OneTimeKeyRequest, now: UInt64) throws -> [(certificate: [UInt8], envelope: [UInt8])] {
        guard (1...Self.maximumKeysPerRequest).contains(request.oneTimeKeys.count) else {
            throw ChainError.invalidBody("A request certifies 1 to \(Self.maximumKeysPerRequest) keys.")
        }
        guard ClockSkew.isAcceptable(request.requestTime, at: now) else {
            throw ChainError.unauthorized("The request's time is more than 5 minutes from the service's clock; check the clock.")
        }
        let current = schedule.epoch(atMilliseconds: now)
        guard request.epoch == current else {
            throw ChainError(request.epoch > current ? .futureEpoch : .expiredEpoch,
                             "Keys are certified for the current epoch \(current) only, not \(request.epoch).")
        }
        guard try members.value(namespace: ChainNamespace.member, key: request.memberHandle.bytes) != nil else {
            throw ChainError.unauthorized("Member \(request.memberHandle) is not admitted on this chain.")
        }
        // State keeps only the handle, a hash of the key; the request brings the key itself.
        guard let memberKey = try? Secp256k1PublicKey(request.memberKey), MemberHandle(publicKey: memberKey) == request.memberHandle,
              let signature = try? Secp256k1ECDSASignature(compactRepresentation: request.signature),
              memberKey.isValidSignature(signature, forDigest: request.digest(chainId: chainId)) else {
            throw ChainError.unauthorized("The request is not signed by the member's registered key.")
        }
        // Every envelope and the log entry of this request go to the auditor key of its epoch.
        let auditorKey = try auditorKeys.publicKey(epoch: request.epoch)
        var issued: [(certificate: [UInt8], envelope: [UInt8])] = []
        for oneTimeKey in request.oneTimeKeys {
            guard suite.signature.isValidPublicKey(oneTimeKey) else {
                guard !ChainCryptoSuite.all.contains(where: { $0.signature.isValidPublicKey(oneTimeKey) }) else {
                    throw suite.refusal(of: "one-time key", in: suite == .sm ? .standard : .sm)
                }
                throw ChainError.invalidBody("A one-time key is not a \(suite.signature.publicKeyLength)-byte \(suite.signature) key.")
            }
            let envelope = try AuditorEnvelope(memberHandle: request.memberHandle, oneTimeKey: oneTimeKey, epoch: request.epoch)
                .sealed(to: auditorKey)
            let message = OneTimeKeyCertificate.message(suite: suite, chainId: chainId, epoch: request.epoch, oneTimeKey: oneTimeKey,
                                                        envelope: envelope)
            issued.append((try key.signature(for: message), envelope))
        }
        try log?(try issuanceLogEntry(for: request, sealedTo: auditorKey))
        return issued
    }

    /// `member handle ‖ epoch ‖ count ‖ H(X₁ ‖ … ‖ Xₙ)` sealed to the auditor key of the epoch.
    private func issuanceLogEntry(for request: OneTimeKeyRequest, sealedTo auditorKey: X25519PublicKey) throws -> [UInt8] {
        var writer = ByteWriter(capacity: 80)
        writer.raw(request.memberHandle.bytes)
        writer.u64(request.epoch)
        writer.u32(UInt32(request.oneTimeKeys.count))
        writer.raw(suite.hash.digest(request.oneTimeKeys.flatMap { $0 }))
        return try SealedBox.seal(writer.bytes, to: auditorKey)
    }
}
