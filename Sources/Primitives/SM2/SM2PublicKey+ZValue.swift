extension SM2PublicKey {
    /// The Z-value of GM/T 0003.2 §5.5: `SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA)`, where ENTL
    /// is the identifier's length in bits (two bytes, big-endian). Signing hashes `Z ‖ M`; this
    /// is for devices that sign a digest, and for checking against published values.
    /// - Parameter distinguishingIdentifier: the identifier, by default `1234567812345678`.
    /// - Returns: the 32-byte Z-value.
    /// - Throws: `PrimitivesError.invalidInput` for an identifier over 8,190 bytes.
    public func zValue(distinguishingIdentifier: [UInt8] = SM2Signature.defaultDistinguishingIdentifier) throws -> [UInt8] {
        try SM2EVP.requireIdentifier(distinguishingIdentifier)
        let bits = distinguishingIdentifier.count * 8
        var input: [UInt8] = [UInt8(bits >> 8), UInt8(bits & 0xff)]
        input += distinguishingIdentifier
        for part in [SM2Curve.a, SM2Curve.b, SM2Curve.gx, SM2Curve.gy] { input += part }
        input += uncompressedRepresentation.dropFirst()
        return Hash.sm3(input)
    }
}
