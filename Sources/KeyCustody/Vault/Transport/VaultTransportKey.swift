public import Primitives

/// The public half of a vault node's transport identity (`specs/custody-vault.md` §9): an
/// Ed25519 key that signs the node's answers and an X25519 key that requests are sealed to.
/// Both derive from the node secret, so a node's transport identity lives and dies with its
/// shares and needs no file of its own.
///
/// Text form: `vt1.` followed by the base64url form of the 32 Ed25519 bytes and the 32 X25519
/// bytes, as `didctl vault info` prints it and a coordinator's peer list names it.
public struct VaultTransportKey: Sendable, Hashable, CustomStringConvertible {
    /// Verifies the node's answers.
    public let signing: Ed25519PublicKey
    /// Requests are sealed to it.
    public let sealing: X25519PublicKey

    /// Pairs a node's two transport keys.
    public init(signing: Ed25519PublicKey, sealing: X25519PublicKey) {
        self.signing = signing
        self.sealing = sealing
    }

    /// Parses the text form.
    /// - Throws: `KeyCustodyError.invalidInput` when it is not `vt1.` and 64 base64url bytes.
    public init(_ text: String) throws {
        guard text.hasPrefix(Self.prefix), let bytes = try? Base64URL.decode(String(text.dropFirst(Self.prefix.count))),
              bytes.count == 64,
              let signing = try? Ed25519PublicKey(rawRepresentation: bytes.prefix(32)),
              let sealing = try? X25519PublicKey(rawRepresentation: bytes.suffix(32)) else {
            throw KeyCustodyError(.invalidInput, "A vault transport key is \"\(Self.prefix)\" and 64 bytes in base64url (didctl vault info prints it).")
        }
        self.init(signing: signing, sealing: sealing)
    }

    /// The text form.
    public var description: String { Self.prefix + Base64URL.encode(signing.rawRepresentation + sealing.rawRepresentation) }

    private static let prefix = "vt1."
}
