public import Primitives

/// Which Ethereum-style addresses belong to which member, as the service keeps it in partial
/// custody: only sealed to the auditor, so the service can store it without being able to read it.
///
/// ```swift
/// let box = try AddressAssociation(memberHandle: handle, addresses: [address], time: nowMilliseconds)
///     .sealed(to: auditorKey)
/// let association = try AddressAssociation(opening: box, with: auditorPrivateKey)
/// ```
/// The plaintext is the JCS form of `{"addresses": [EIP-55 text…], "member": hex, "time": ms}`
/// (`specs/custody-keystore.md` §7), in a libsodium sealed box.
public struct AddressAssociation: Sendable, Hashable {
    /// The 32-byte member handle.
    public let memberHandle: [UInt8]
    /// The member's addresses, in the member's order, without repeats.
    public let addresses: [EthereumAddress]
    /// When the association was made, in milliseconds since the Unix epoch.
    public let time: UInt64

    /// The largest time JSON carries exactly (2^53 − 1 ms, about year 287,396).
    static let maxTime: UInt64 = (1 << 53) - 1

    /// Creates an association.
    /// - Parameters:
    ///   - memberHandle: 32 bytes.
    ///   - addresses: the addresses, each once.
    ///   - time: milliseconds since the Unix epoch, given by the caller.
    /// - Throws: `KeyCustodyError.invalidInput` for a handle that is not 32 bytes, a repeated
    ///   address, or a time above 2^53 − 1.
    public init(memberHandle: [UInt8], addresses: [EthereumAddress], time: UInt64) throws {
        guard memberHandle.count == 32 else {
            throw KeyCustodyError(.invalidInput, "A member handle is 32 bytes, not \(memberHandle.count).")
        }
        guard Set(addresses).count == addresses.count else {
            throw KeyCustodyError(.invalidInput, "An address association lists each address once.")
        }
        guard time <= Self.maxTime else {
            throw KeyCustodyError(.invalidInput, "An association time is at most 2^53 − 1 milliseconds, which JSON carries exactly.")
        }
        self.memberHandle = memberHandle
        self.addresses = addresses
        self.time = time
    }

    /// The canonical JSON plaintext.
    var canonicalJSON: [UInt8] {
        JCS.canonicalize(.object(JSONObject([
            ("member", .string(Hex.encode(memberHandle))),
            ("addresses", .array(addresses.map { .string($0.description) })),
            ("time", .number(Double(time))),
        ])))
    }

    /// Seals the association to the auditor.
    /// - Parameter auditor: the auditor's X25519 public key.
    /// - Returns: the sealed box, 48 bytes longer than the plaintext.
    /// - Throws: `KeyCustodyError.invalidInput` when the key is a low-order point.
    public func sealed(to auditor: X25519PublicKey) throws -> [UInt8] {
        do { return try SealedBox.seal(canonicalJSON, to: auditor) } catch {
            throw KeyCustodyError(.invalidInput, "The auditor's X25519 key is a low-order point and cannot be sealed to.")
        }
    }
}
