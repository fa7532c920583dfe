/// One share of a secret split by ``FeldmanVSS``: the point `(index, f(index))` of the
/// dealer's polynomial, with `f(0)` the secret.
///
/// Its encoding is 33 bytes, `index ‖ value`: the index as one byte and the value as a
/// 32-byte big-endian scalar. ``SM2FeldmanVSS`` carries SM2 shares in this type too: their
/// values lie below SM2's group order, which is below secp256k1's, and SM2 code re-reads them
/// as ``SM2Scalar``s.
public struct ShamirShare: Sendable, Equatable, CustomStringConvertible {
    /// The x-coordinate, 1...255; public.
    public let index: Int
    /// The y-coordinate; secret.
    public let value: Secp256k1Scalar

    /// The range of share indices: zero would be the secret itself.
    public static let indices = 1...255

    /// Makes a share from its coordinates.
    /// - Parameters:
    ///   - index: the x-coordinate, 1...255.
    ///   - value: the y-coordinate.
    /// - Throws: `PrimitivesError.invalidInput` for an index outside 1...255.
    public init(index: Int, value: Secp256k1Scalar) throws {
        guard Self.indices.contains(index) else {
            throw PrimitivesError.invalidInput("A share index is between 1 and 255, not \(index).")
        }
        self.index = index
        self.value = value
    }

    /// Parses the 33-byte encoding `index ‖ value`.
    /// - Parameter rawRepresentation: the encoding, in secure memory.
    /// - Throws: `PrimitivesError.invalidEncoding` for a wrong length; `.invalidInput` for index 0;
    ///   `.invalidKey` for a value not below the group order.
    public init(rawRepresentation: SecureBytes) throws {
        guard rawRepresentation.count == 33 else {
            throw PrimitivesError.invalidEncoding("A share is 33 bytes (index and value), not \(rawRepresentation.count).")
        }
        let index = rawRepresentation.withUnsafeBytes { Int($0[0]) }
        let value = try Secp256k1Scalar(secret: SecureBytes(count: 32) { out in
            rawRepresentation.withUnsafeBytes { out.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[1...])) }
        })
        try self.init(index: index, value: value)
    }

    /// The 33-byte encoding `index ‖ value`.
    public var rawRepresentation: SecureBytes {
        SecureBytes(count: 33) { out in
            out[0] = UInt8(index)
            value.bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: out[1...]).copyMemory(from: $0) }
        }
    }

    /// Shows the index only: the value is secret.
    public var description: String { "ShamirShare(index: \(index), value: redacted)" }
}
