internal import Crypto

/// The hash function RDFC-1.0 uses for its blank node hashes (section 4.1): SHA-256 unless a
/// suite names another.
public enum CanonicalizationHashAlgorithm: Sendable, Hashable {
    /// SHA-256, the default.
    case sha256
    /// SHA-384 (`ecdsa-rdfc-2019` over P-384).
    case sha384

    /// The lower-case hex digest of `bytes`.
    func hexDigest(_ bytes: [UInt8]) -> String {
        switch self {
        case .sha256: return Self.hex(SHA256.hash(data: bytes))
        case .sha384: return Self.hex(SHA384.hash(data: bytes))
        }
    }

    /// The digest of `bytes` with this function (what the Data Integrity RDFC suites hash the
    /// canonical N-Quads with).
    /// - Parameter bytes: The message.
    /// - Returns: 32 bytes for SHA-256, 48 for SHA-384.
    public func digest(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .sha256: return Array(SHA256.hash(data: bytes))
        case .sha384: return Array(SHA384.hash(data: bytes))
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(96)
        for byte in digest {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
