internal import CPKCS11
public import Primitives

/// The legacy HSM link: the member's secp256k1 key stays in a PKCS#11 token (an HSM or USB
/// token) and Chancery keeps only the module path, token label, key label and public key.
///
/// ```swift
/// let custodian = try PKCS11Custodian(
///     modulePath: "/usr/lib/softhsm/libsofthsm2.so", tokenLabel: "member-7", pin: pin)
/// let signature = try await custodian.sign(digest: hash, with: KeyReference("did-key-1"))
/// ```
/// A ``KeyReference`` names a key by its `CKA_LABEL`. The token signs the digest with
/// `CKM_ECDSA`; every signature is normalised to low-S and verified before it is returned.
/// Calls block the calling thread for the device's round trip; they may come from many tasks.
public final class PKCS11Custodian: KeyCustodian {
    /// The HSM link mode.
    public var mode: CustodyMode { .hsm }

    let tokenLabel: String
    let sessions: PKCS11SessionPool
    var module: PKCS11Module { sessions.module }
    /// Keys already looked up, by label, so a signature costs two calls to the device, not ten.
    let heldKeys = Locked<[String: HeldKey]>([:])
    /// Serialises key generation, so the check for an existing label and the creation are one step.
    let generation = Locked(())
    let normalizations = Locked(0)

    /// A key found in the token: its private-key handle and its checked public key.
    struct HeldKey: Sendable {
        let privateKey: CK_OBJECT_HANDLE
        let publicKey: Secp256k1PublicKey
    }

    /// Loads the module, finds the token and logs in as user.
    /// - Parameters:
    ///   - modulePath: the PKCS#11 library, e.g. `/usr/lib/softhsm/libsofthsm2.so`.
    ///   - tokenLabel: the token's label (`CKA_LABEL` of the token, without padding).
    ///   - pin: the user PIN.
    /// - Throws: `KeyCustodyError.backendUnavailable` when the module cannot be loaded (naming the
    ///   path) or the token is absent (listing the labels present); `.authenticationFailed` for a
    ///   wrong PIN; `.lockedOut` when the token has locked the PIN.
    public init(modulePath: String, tokenLabel: String, pin: SecureBytes) throws {
        let module = try PKCS11Module(path: modulePath)
        let slot = try module.slot(tokenLabel: tokenLabel)
        sessions = try PKCS11SessionPool(module: module, slot: slot, token: tokenLabel, pin: pin)
        self.tokenLabel = tokenLabel
    }

    /// Loads the module, finds the token and logs in as user, with the PIN as a string.
    /// - Parameters:
    ///   - modulePath: the PKCS#11 library.
    ///   - tokenLabel: the token's label.
    ///   - pin: the user PIN; prefer the `SecureBytes` initialiser where the PIN can be kept out
    ///     of a `String`, which cannot be wiped.
    /// - Throws: as the `SecureBytes` initialiser.
    public convenience init(modulePath: String, tokenLabel: String, pin: String) throws {
        try self.init(modulePath: modulePath, tokenLabel: tokenLabel, pin: SecureBytes(Array(pin.utf8)))
    }

    /// The public key of the key pair labelled `key.id`, read from its public-key object.
    /// - Throws: `KeyCustodyError.keyNotFound` naming the label when the token has no such key
    ///   pair; `.invalidInput` when it is not a secp256k1 key or the label is ambiguous.
    public func publicKey(for key: KeyReference) async throws -> Secp256k1PublicKey {
        try heldKey(key).publicKey
    }

    /// How many device signatures so far were high-S and had to be normalised (a test hook).
    package var normalizedSignatureCount: Int { normalizations.withLock { $0 } }
}
