public import Primitives

/// An admitted member as public state records it (`specs/audit.md` §1): the handle, a hash of
/// the member's long-term key, and the custody mode, in clear; its name and key only sealed to
/// the auditor. The membership service needs no more: a one-time key request carries the key,
/// and the service checks that it hashes to an admitted handle.
public struct MemberRecord: StateRecord, Hashable {
    /// The member's handle (hex): `MemberHandle(publicKey:)` of its long-term key.
    public var handle: String
    /// The custody mode name (`hsm`, `partial`, `full`).
    public var custody: String
    /// The ``MemberProfile`` sealed to the auditor's key of ``profileEpoch`` (hex).
    public var profile: String
    /// The membership epoch whose auditor key the profile is sealed to.
    public var profileEpoch: UInt64

    /// Creates a member record from its stored parts.
    public init(handle: String, custody: String, profile: String, profileEpoch: UInt64) {
        self.handle = handle
        self.custody = custody
        self.profile = profile
        self.profileEpoch = profileEpoch
    }

    /// Creates the record of a member, sealing its profile to the auditor.
    /// - Parameters:
    ///   - profile: the member's name and long-term key.
    ///   - custody: the custody mode name.
    ///   - auditorKeys: the auditor's public keys by epoch.
    ///   - epoch: the current membership epoch, whose key seals the profile.
    /// - Throws: `ChainError.invalidAuditorKey` when the auditor published no key for `epoch`.
    public init(profile: MemberProfile, custody: String, sealedTo auditorKeys: any AuditorSealingKeys, epoch: UInt64) throws {
        let sealed = try profile.sealed(to: try auditorKeys.publicKey(epoch: epoch))
        self.init(handle: profile.handle.description, custody: custody, profile: Hex.encode(sealed), profileEpoch: epoch)
    }

    /// Opens the sealed profile: the auditor's view of who this member is.
    /// - Parameter keys: the auditor's private keys by epoch.
    /// - Throws: `ChainError` when the key does not open it or it is not this member's.
    public func openProfile(with keys: any AuditorKeySource) throws -> MemberProfile {
        guard let box = try? Hex.decode(profile) else { throw ChainError(.corruptLedger, "A member profile is not hex.") }
        let opened = try MemberProfile(opening: box, with: try keys.privateKey(epoch: profileEpoch))
        guard opened.handle.description == handle.lowercased() else {
            throw ChainError(.corruptLedger, "A sealed member profile names another member's key.")
        }
        return opened
    }

    /// The committee action that admits this member (`specs/chain.md` §5): handle, custody and
    /// sealed profile, nothing in clear that names the member.
    public var admission: GovernanceAction {
        GovernanceAction(kind: "admitMember", parameters: [
            "handle": .string(handle), "custody": .string(custody), "profile": .string(profile),
            "profileEpoch": .string(String(profileEpoch)),
        ])
    }

    /// Reads the record an `admitMember` action carries.
    /// - Throws: `ChainError.invalidBody` naming the parameter that is missing or malformed.
    init(admission action: GovernanceAction) throws(ChainError) {
        let handle = try MemberHandle(hex: try action.string("handle"))
        let custody = action.object["custody"]?.stringValue ?? "partial"
        guard ["hsm", "partial", "full"].contains(custody) else {
            throw .invalidBody("'custody' must be hsm, partial or full.")
        }
        guard let box = try? Hex.decode(try action.string("profile")), box.count == MemberProfile.sealedLength else {
            throw .invalidBody("'profile' is the member's profile sealed to the auditor: \(MemberProfile.sealedLength) bytes in hex.")
        }
        guard let epoch = UInt64(try action.string("profileEpoch")) else {
            throw .invalidBody("'profileEpoch' must be a whole number.")
        }
        self.init(handle: handle.description, custody: custody, profile: Hex.encode(box), profileEpoch: epoch)
    }
}
