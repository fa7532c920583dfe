extension SM2PrivateKey {
    /// Signs `message` with SM2 over SM3 (GM/T 0003.2): OpenSSL hashes
    /// `Z ‖ message`, where Z is the SM3 Z-value of the identifier and this key, and signs that
    /// digest with a fresh random nonce.
    /// - Parameters:
    ///   - message: the message itself, not a digest.
    ///   - distinguishingIdentifier: the signer's identifier; the default
    ///     `1234567812345678` of GM/T 0009-2012 unless both sides agree on another.
    /// - Returns: the signature (convert with `derRepresentation` or `rawRepresentation`).
    /// - Throws: `PrimitivesError.invalidInput` for an identifier over 8,190 bytes;
    ///   `PrimitivesError.libraryFailure` if OpenSSL fails.
    public func signature(
        for message: some Collection<UInt8>,
        distinguishingIdentifier: [UInt8] = SM2Signature.defaultDistinguishingIdentifier
    ) throws -> SM2Signature {
        try SM2EVP.requireIdentifier(distinguishingIdentifier)
        let der = try withExtendedLifetime(evpKey) {
            try SM2EVP.sign(Array(message), identifier: distinguishingIdentifier, key: evpKey.pointer)
        }
        return try SM2Signature(derRepresentation: der)
    }

    /// Signs as ``signature(for:distinguishingIdentifier:)`` but builds OpenSSL's key from the
    /// bytes for this one call and frees it after, as the first version did: kept so that
    /// `didctl bench primitives` shows both costs in one run.
    package func signatureRebuildingKey(for message: [UInt8]) throws -> SM2Signature {
        let der = try SM2EVP.withKey(publicPoint: publicKey.uncompressedRepresentation, scalar: secret) { key in
            try SM2EVP.sign(message, identifier: SM2Signature.defaultDistinguishingIdentifier, key: key)
        }
        return try SM2Signature(derRepresentation: der)
    }
}
