public import Primitives

/// The cryptography of one chain (`specs/chain.md` §9): the hash function of transaction ids,
/// Merkle trees, tagged hashes and the state commitment, and the signature scheme of one-time
/// keys, their certificates, the membership service and the nodes. A chain has one suite,
/// named in genesis; a transaction or block of the other suite is refused as
/// `wrongCryptoSuite`.
///
/// ```swift
/// let suite = genesis.cryptoSuite                           // .standard or .sm
/// let id = suite.hash.digest(wire)                          // SHA-256 or SM3
/// suite.signature.isValidSignature(sig, publicKey: x, message: m)
/// ```
public struct ChainCryptoSuite: Sendable, Hashable, CustomStringConvertible {
    /// The suite's name, as genesis and `didctl init --crypto` write it.
    public let name: String
    /// H: SHA-256 or SM3.
    public let hash: HashFunction
    /// The scheme of one-time keys, certificates, block signatures and node keys.
    public let signature: SignatureScheme
    /// The high nibble of the first wire byte of transactions and block headers (§9.2).
    let code: UInt8

    private init(name: String, hash: HashFunction, signature: SignatureScheme, code: UInt8) {
        self.name = name
        self.hash = hash
        self.signature = signature
        self.code = code
    }

    /// secp256k1 with BIP-340 signatures and SHA-256: the default.
    public static let standard = ChainCryptoSuite(name: "standard", hash: .sha256, signature: .bip340, code: 0)
    /// The Chinese national algorithms: SM2 signatures and SM3 hashes.
    public static let sm = ChainCryptoSuite(name: "sm", hash: .sm3, signature: .sm2, code: 1)

    /// Both suites, for help text and parsing.
    public static let all: [ChainCryptoSuite] = [.standard, .sm]

    /// Parses a suite name.
    /// - Parameter name: `standard` or `sm`.
    /// - Returns: the suite, or `nil` for another name.
    public init?(name: String) {
        guard let suite = Self.all.first(where: { $0.name == name }) else { return nil }
        self = suite
    }

    /// The suite whose one-time keys sign with `scheme`: standard for BIP-340, sm for SM2.
    /// - Parameter scheme: a signature scheme.
    public init(signingWith scheme: SignatureScheme) {
        self = scheme == .sm2 ? .sm : .standard
    }

    /// The sealed auditor envelope's size: 48 bytes of `crypto_box_seal` around the member
    /// handle, the one-time key and the epoch (§2.4): 120 bytes, or 121 with a 33-byte SM2 key.
    public var envelopeSize: Int { 48 + envelopePlaintextSize }

    /// The envelope's plaintext size: 72 bytes, or 73 with a 33-byte SM2 key.
    public var envelopePlaintextSize: Int { 40 + signature.publicKeyLength }

    /// The suite whose wire byte is `byte` (high nibble: suite, low nibble: version), if any.
    static func decoding(wireByte byte: UInt8) -> ChainCryptoSuite? {
        all.first { $0.code == byte >> 4 }
    }

    /// The first wire byte of a structure of `version` in this suite: `code << 4 | version`.
    func wireByte(version: UInt8) -> UInt8 { code << 4 | version }

    /// The name with its algorithms, for refusals: `sm (SM2/SM3)`.
    public var description: String { "\(name) (\(signature)/\(hash))" }

    /// `TH(tag, message)` of `specs/chain.md` §1 over this suite's hash.
    func taggedHash(_ tag: String, _ message: [UInt8]) -> [UInt8] { hash.taggedHash(tag: tag, message) }

    /// The refusal of a structure of `other` on a chain of this suite.
    func refusal(of what: String, in other: ChainCryptoSuite) -> ChainError {
        ChainError(.wrongCryptoSuite, "The \(what) uses the \(other) crypto suite; this chain uses \(self).")
    }
}
