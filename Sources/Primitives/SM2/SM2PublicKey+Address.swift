extension SM2PublicKey {
    /// The account address of this key in FISCO BCOS's national-cryptography (GM) mode: the
    /// last 20 bytes of SM3 of the 64-byte `x ‖ y` (the uncompressed point without `0x04`),
    /// as FISCO BCOS's Java SDK computes it (`CryptoKeyPair.getAddress` with `SM3Hash`).
    ///
    /// The type is the 20-byte account address that the secp256k1 keys also use; only the
    /// hash differs (SM3 instead of Keccak-256). Its text is written in EIP-55 case like
    /// every Chancery address.
    /// ```swift
    /// key.publicKey.address.description   // "0x…", EIP-55 case
    /// ```
    public var address: EthereumAddress {
        // 65 bytes less the prefix always hash to 32 bytes, of which 20 are kept.
        try! Self.address(ofCoordinates: uncompressedRepresentation.dropFirst())
    }

    /// The GM address of raw coordinates `x ‖ y`, whether or not they are a point of the curve
    /// (FISCO BCOS hashes whatever 64 bytes it is given; its published vectors do the same).
    /// - Parameter coordinates: 64 bytes.
    /// - Returns: the last 20 bytes of SM3 of the coordinates.
    /// - Throws: `PrimitivesError.invalidKey` for another length.
    package static func address(ofCoordinates coordinates: some Collection<UInt8>) throws -> EthereumAddress {
        guard coordinates.count == 64 else {
            throw PrimitivesError.invalidKey("An SM2 address hashes the 64-byte x ‖ y, not \(coordinates.count) bytes.")
        }
        return try EthereumAddress(bytes: Hash.sm3(coordinates).suffix(20))
    }
}
