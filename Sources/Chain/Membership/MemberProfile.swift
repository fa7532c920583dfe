public import Primitives

/// What identifies a member, its name and long-term key, as the chain keeps it: only sealed to
/// the auditor (`specs/audit.md` §1), so the public member registry names no one and holds no
/// key that a DID or a request could be matched against.
///
/// ```swift
/// let profile = try MemberProfile(name: "alice", publicKey: longTermKey)
/// let box = try profile.sealed(to: auditorKeyOfEpoch)      // 146 bytes whatever the name
/// let opened = try MemberProfile(opening: box, with: auditorPrivateKey)
/// ```
/// The plaintext has one length for every member (`u8 nameLength ‖ name padded with zeros to
/// 64 bytes ‖ B33 compressed key`, 98 bytes), since a variable length would tell names apart.
public struct MemberProfile: Sendable, Hashable {
    /// The most UTF-8 bytes a member name may have.
    public static let maximumNameBytes = 64
    /// The length of a sealed profile: 98 bytes of plaintext and the sealed box's 48.
    public static let sealedLength = 146

    /// The member's name (an account name).
    public let name: String
    /// The member's long-term key, which authenticates its one-time key requests.
    public let publicKey: Secp256k1PublicKey

    /// Creates a profile.
    /// - Parameters:
    ///   - name: 1 to 64 UTF-8 bytes.
    ///   - publicKey: the member's long-term key.
    /// - Throws: `ChainError.invalidBody` for an empty or longer name.
    public init(name: String, publicKey: Secp256k1PublicKey) throws(ChainError) {
        guard (1...Self.maximumNameBytes).contains(name.utf8.count) else {
            throw .invalidBody("A member name is 1 to \(Self.maximumNameBytes) UTF-8 bytes.")
        }
        self.name = name
        self.publicKey = publicKey
    }

    /// The member's handle: a tagged hash of its long-term key.
    public var handle: MemberHandle { MemberHandle(publicKey: publicKey) }

    /// Seals the profile to an auditor key.
    /// - Parameter auditor: the auditor's X25519 key of the epoch of admission.
    /// - Returns: ``sealedLength`` bytes, different at every call.
    /// - Throws: `ChainError.invalidAuditorKey` if the key cannot be sealed to.
    public func sealed(to auditor: X25519PublicKey) throws(ChainError) -> [UInt8] {
        var writer = ByteWriter(capacity: 98)
        writer.u8(UInt8(name.utf8.count))
        writer.raw(Array(name.utf8) + [UInt8](repeating: 0, count: Self.maximumNameBytes - name.utf8.count))
        writer.raw(publicKey.compressedRepresentation)
        do { return try SealedBox.seal(writer.bytes, to: auditor) } catch {
            throw ChainError(.invalidAuditorKey, "The auditor's encryption key cannot be sealed to.")
        }
    }

    /// Opens a sealed profile with the auditor's private key.
    /// - Parameters:
    ///   - box: the sealed bytes.
    ///   - key: the auditor's X25519 private key of the profile's epoch.
    /// - Throws: `ChainError.unauthorized` when the key does not open it; `.invalidBody` when the
    ///   plaintext is not a profile.
    public init(opening box: [UInt8], with key: X25519PrivateKey) throws(ChainError) {
        let plaintext: [UInt8]
        do { plaintext = try SealedBox.open(box, with: key) } catch {
            throw ChainError.unauthorized("This auditor key does not open the member profile.")
        }
        guard plaintext.count == 98, let length = plaintext.first, (1...64).contains(Int(length)),
              let name = String(validating: plaintext[1..<(1 + Int(length))], as: UTF8.self),
              let publicKey = try? Secp256k1PublicKey(Array(plaintext[65...])) else {
            throw .invalidBody("A sealed member profile does not hold a name and a secp256k1 key.")
        }
        try self.init(name: name, publicKey: publicKey)
    }
}
