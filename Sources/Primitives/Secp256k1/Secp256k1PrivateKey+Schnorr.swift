internal import CSecp256k1
internal import CSodium

extension Secp256k1PrivateKey {
    /// Signs a message of any length with BIP-340 Schnorr.
    /// - Parameters:
    ///   - message: the message (BIP-340 signs messages directly; callers tag-hash when they want a digest).
    ///   - auxiliaryRandomness: 32 bytes mixed into the nonce; fresh random bytes when `nil`, as
    ///     BIP-340 recommends. Pass fixed bytes only to reproduce test vectors.
    /// - Returns: the 64-byte signature.
    /// - Throws: `PrimitivesError.invalidInput` when the auxiliary randomness is not 32 bytes.
    public func schnorrSignature(for message: [UInt8], auxiliaryRandomness: [UInt8]? = nil) throws -> [UInt8] {
        var aux = auxiliaryRandomness ?? {
            var fresh = [UInt8](repeating: 0, count: 32)
            randombytes_buf(&fresh, 32)
            return fresh
        }()
        guard aux.count == 32 else {
            throw PrimitivesError.invalidInput("BIP-340 auxiliary randomness is 32 bytes, not \(aux.count).")
        }
        let ctx = Secp256k1Context.shared.raw
        var signature = [UInt8](repeating: 0, count: 64)
        var params = secp256k1_schnorrsig_extraparams()
        // SECP256K1_SCHNORRSIG_EXTRAPARAMS_MAGIC: the struct is versioned by this magic.
        params.magic = (0xda, 0x6f, 0xb3, 0x8c)
        let ok = aux.withUnsafeMutableBytes { auxBytes in
            params.ndata = auxBytes.baseAddress
            return message.withUnsafeBufferPointer { msg in
                withKeypair { secp256k1_schnorrsig_sign_custom(ctx, &signature, msg.baseAddress, msg.count, $0, &params) }
            }
        }
        guard ok == 1 else { throw PrimitivesError.libraryFailure("libsecp256k1 failed to make a Schnorr signature.") }
        return signature
    }
}
