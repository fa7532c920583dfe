/// An SM2 public key: a point on the SM2 recommended curve, parsed from SEC1 compressed
/// (33 bytes) or uncompressed (65 bytes) form and checked to be on the curve.
public struct SM2PublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The 65-byte SEC1 uncompressed form `04 ‖ x ‖ y`.
    public let uncompressedRepresentation: [UInt8]

    init(uncheckedUncompressed point: [UInt8]) { uncompressedRepresentation = point }

    /// Parses a SEC1 point: 33 bytes compressed (`02`/`03 ‖ x`) or 65 bytes uncompressed.
    /// - Parameter bytes: the encoded point.
    /// - Throws: `PrimitivesError.invalidKey` for another length or prefix, or a point that is
    ///   not on the SM2 curve.
    public init(_ bytes: some Collection<UInt8>) throws {
        let input = Array(bytes)
        let wellFormed = (input.count == 33 && (input[0] == 0x02 || input[0] == 0x03))
            || (input.count == 65 && input[0] == 0x04)
        guard wellFormed else {
            throw PrimitivesError.invalidKey("An SM2 public key is 33 bytes (02 or 03 first) or 65 bytes (04 first).")
        }
        uncompressedRepresentation = try SM2Curve.uncompressedPoint(from: input)
    }

    /// The 33-byte SEC1 compressed form: `02` or `03` (the parity of y) then x.
    public var compressedRepresentation: [UInt8] {
        [0x02 | (uncompressedRepresentation[64] & 1)] + uncompressedRepresentation[1...32]
    }

    /// Verifies an SM2 signature of `message` (SM3 over `Z ‖ message`, GM/T 0003.2).
    /// - Parameters:
    ///   - signature: the signature, from DER or raw `r ‖ s`.
    ///   - message: the message itself, not a digest.
    ///   - distinguishingIdentifier: the signer's identifier, by default `1234567812345678`.
    /// - Returns: `true` only for a valid signature by this key under that identifier.
    public func isValidSignature(
        _ signature: SM2Signature, for message: some Collection<UInt8>,
        distinguishingIdentifier: [UInt8] = SM2Signature.defaultDistinguishingIdentifier
    ) -> Bool {
        guard (try? SM2EVP.requireIdentifier(distinguishingIdentifier)) != nil else { return false }
        let verdict = try? SM2EVP.withKey(publicPoint: uncompressedRepresentation, scalar: nil) { key in
            SM2EVP.verify(signature.derRepresentation, message: Array(message), identifier: distinguishingIdentifier, key: key)
        }
        return verdict == true
    }

    /// The compressed form in hex.
    public var description: String { "SM2PublicKey(" + Hex.encode(compressedRepresentation) + ")" }
}
