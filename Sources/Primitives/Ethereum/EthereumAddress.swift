/// A 20-byte Ethereum account address: the last 20 bytes of the Keccak-256 hash of the
/// 64-byte uncompressed secp256k1 public key (Ethereum Yellow Paper, eq. 284). Chancery's
/// `did:chancery` identifiers use the same derivation.
///
/// ```swift
/// let address = try EthereumAddress(publicKey: uncompressed)   // 64 or 65 bytes
/// address.description                                          // "0x2c7536E3…" (EIP-55)
/// let parsed = try EthereumAddress(parsing: "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23")
/// ```
public struct EthereumAddress: Hashable, Sendable, CustomStringConvertible {
    /// The 20 address bytes.
    public let bytes: [UInt8]

    /// Wraps 20 raw address bytes.
    /// - Parameter bytes: exactly 20 bytes.
    /// - Throws: `PrimitivesError.invalidInput` for another length.
    public init(bytes: some Collection<UInt8>) throws {
        guard bytes.count == 20 else {
            throw PrimitivesError.invalidInput("An Ethereum address is 20 bytes, not \(bytes.count).")
        }
        self.bytes = Array(bytes)
    }

    /// Derives the address of an uncompressed secp256k1 public key.
    ///
    /// The point is not checked to lie on the curve: that needs curve arithmetic, which the
    /// secp256k1 key types do when they produce the key.
    /// - Parameter publicKey: `x ‖ y` (64 bytes) or `0x04 ‖ x ‖ y` (65 bytes).
    /// - Throws: `PrimitivesError.invalidKey` for another length or prefix (compressed keys
    ///   must be decompressed first).
    public init(publicKey: some Collection<UInt8>) throws {
        var key = Array(publicKey)
        if key.count == 65, key[0] == 0x04 { key.removeFirst() }
        guard key.count == 64 else {
            throw PrimitivesError.invalidKey(
                "An Ethereum address needs an uncompressed public key (64 bytes, or 65 starting with 0x04).")
        }
        self.bytes = Array(Keccak256.hash(key).suffix(20))
    }

    /// Parses `0x`-prefixed (or bare) hexadecimal text, checking the EIP-55 checksum when
    /// the letters are mixed case.
    /// - Parameter text: 40 hex digits, optionally prefixed with `0x`.
    /// - Throws: `PrimitivesError.invalidEncoding` for bad text or a wrong checksum.
    public init(parsing text: String) throws {
        self = try EIP55.decode(text)
    }

    /// The EIP-55 checksummed text, `0x` followed by 40 mixed-case hex digits.
    public var description: String { EIP55.encode(self) }
}
