/// A multiformats multicodec: a number, written as an unsigned varint prefix, that names the
/// format of the bytes after it (for did:key, the key type).
///
/// Equality compares ``code`` only; ``name`` comes from the table of codes this module knows.
public struct Multicodec: Hashable, Sendable, CustomStringConvertible {
    /// The code from the multicodec table.
    public let code: UInt64

    /// A codec by number, known to this module or not.
    /// - Parameter code: the multicodec table code.
    public init(code: UInt64) { self.code = code }

    /// Ed25519 public key (`0xed`).
    public static let ed25519Pub = Multicodec(code: 0xed)
    /// Compressed secp256k1 public key (`0xe7`).
    public static let secp256k1Pub = Multicodec(code: 0xe7)
    /// Compressed P-256 public key (`0x1200`).
    public static let p256Pub = Multicodec(code: 0x1200)
    /// Compressed P-384 public key (`0x1201`).
    public static let p384Pub = Multicodec(code: 0x1201)
    /// X25519 public key (`0xec`).
    public static let x25519Pub = Multicodec(code: 0xec)
    /// Compressed SM2 public key (`0x1206`, `sm2-pub`, status draft in the multicodec table).
    public static let sm2Pub = Multicodec(code: 0x1206)
    /// Ed25519 private key (`0x1300`).
    public static let ed25519Priv = Multicodec(code: 0x1300)
    /// secp256k1 private key (`0x1301`).
    public static let secp256k1Priv = Multicodec(code: 0x1301)
    /// P-256 private key (`0x1306`).
    public static let p256Priv = Multicodec(code: 0x1306)

    private static let names: [UInt64: String] = [
        0xed: "ed25519-pub", 0xe7: "secp256k1-pub", 0x1200: "p256-pub", 0x1201: "p384-pub", 0xec: "x25519-pub", 0x1206: "sm2-pub",
        0x1300: "ed25519-priv", 0x1301: "secp256k1-priv", 0x1306: "p256-priv",
    ]

    /// The multicodec table name (`ed25519-pub`), or `nil` for a code this module does not name.
    public var name: String? { Self.names[code] }

    /// The table name, or the code in hexadecimal when unnamed.
    public var description: String { name ?? "0x" + String(code, radix: 16) }

    /// The varint prefix of this codec.
    public var prefix: [UInt8] { UnsignedVarint.encode(code) }

    /// Prefixes `payload` with this codec's varint.
    /// - Parameter payload: the bytes the codec describes.
    /// - Returns: varint ‖ payload.
    public func prefixing(_ payload: some Collection<UInt8>) -> [UInt8] {
        prefix + Array(payload)
    }

    /// Splits a varint-prefixed byte string into its codec and payload.
    /// - Parameter bytes: varint ‖ payload.
    /// - Returns: the codec (named or not) and the bytes after the varint.
    /// - Throws: `PrimitivesError.invalidEncoding` when the varint is truncated, too long or
    ///   not minimally encoded.
    public static func split(_ bytes: some Collection<UInt8>) throws -> (codec: Multicodec, payload: [UInt8]) {
        let (code, length) = try UnsignedVarint.decode(bytes)
        return (Multicodec(code: code), Array(bytes.dropFirst(length)))
    }
}
