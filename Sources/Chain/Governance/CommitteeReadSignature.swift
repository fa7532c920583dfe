public import Primitives

/// A committee member's signature on a read that only the committee may make, such as the
/// list of pending membership requests, whose names the chain never publishes
/// (`specs/chain.md` §5.1). Sent as the header `Chancery-Committee: <id> <milliseconds>
/// <base64url r‖s>`; a node accepts it within five minutes of its clock.
public struct CommitteeReadSignature: Sendable, Hashable {
    /// How far the signed time may be from the node's clock.
    public static let maximumSkewMilliseconds = ClockSkew.maximumMilliseconds

    /// The committee member's id.
    public let approver: String
    /// When it was signed, milliseconds since 1970.
    public let time: UInt64
    /// The 64-byte ECDSA signature.
    public let signature: [UInt8]

    /// Signs a read of `resource` with a committee key.
    /// - Throws: `ChainError.invalidBody` if signing fails.
    public init(resource: String, approver: String, key: Secp256k1PrivateKey, chainId: String, time: UInt64) throws(ChainError) {
        guard let signature = try? key.signature(forDigest: Self.digest(resource: resource, chainId: chainId, time: time)) else {
            throw .invalidBody("The committee read could not be signed.")
        }
        self.approver = approver
        self.time = time
        self.signature = signature.compactRepresentation
    }

    /// Reads the header's value.
    /// - Throws: `ChainError.unauthorized` when it does not have the form.
    public init(header: String) throws(ChainError) {
        let parts = header.split(separator: " ").map(String.init)
        guard parts.count == 3, !parts[0].isEmpty, let time = UInt64(parts[1]), let signature = try? Base64URL.decode(parts[2]),
              signature.count == 64 else {
            throw .unauthorized("The Chancery-Committee header is '<member id> <milliseconds> <base64url signature>'.")
        }
        approver = parts[0]
        self.time = time
        self.signature = signature
    }

    /// The header's value.
    public var header: String { "\(approver) \(time) \(Base64URL.encode(signature))" }

    /// `TH("chancery/committee-read/v1", str chainId ‖ str resource ‖ u64 time)`.
    public static func digest(resource: String, chainId: String, time: UInt64) -> [UInt8] {
        var writer = ByteWriter(capacity: 96)
        writer.string(chainId)
        writer.string(resource)
        writer.u64(time)
        return BIP340TaggedHash.hash(tag: "chancery/committee-read/v1", writer.bytes)
    }

    /// Checks the signature against the committee as `state` holds it, at `now`.
    /// - Throws: `ChainError.unauthorized` naming why the read is refused.
    public func check(resource: String, chainId: String, state: any StateReader, now: UInt64) throws {
        guard ClockSkew.isAcceptable(time, at: now) else {
            throw ChainError.unauthorized("The committee signature's time is more than 5 minutes from the node's clock.")
        }
        guard let bytes = try state.value(namespace: ChainNamespace.committee, key: Array(approver.utf8)) else {
            throw ChainError.unauthorized("'\(approver)' is not a committee member.")
        }
        let member = try CommitteeMember(canonicalBytes: bytes)
        guard let parsed = try? Secp256k1ECDSASignature(compactRepresentation: signature),
              try member.key().isValidSignature(parsed, forDigest: Self.digest(resource: resource, chainId: chainId, time: time)) else {
            throw ChainError.unauthorized("The read is not signed by committee member '\(approver)'.")
        }
    }
}
