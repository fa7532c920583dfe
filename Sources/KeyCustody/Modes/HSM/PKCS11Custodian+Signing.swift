internal import CPKCS11
public import Primitives

extension PKCS11Custodian {
    /// Signs a 32-byte digest inside the token with `CKM_ECDSA`.
    ///
    /// Tokens return `r ‖ s` with `s` high about half the time; the result is normalised to
    /// low-S and verified under the key's public key, so a faulty device cannot hand out a
    /// signature that does not verify.
    /// - Parameters:
    ///   - digest: the 32-byte hash, computed by the host.
    ///   - key: the key's label.
    /// - Returns: a low-S signature that strict verification accepts.
    /// - Throws: `KeyCustodyError.invalidInput` for a digest that is not 32 bytes; `.keyNotFound`
    ///   for an unknown label; `.backendFailure` when the token fails or its signature is bad.
    public func sign(digest: [UInt8], with key: KeyReference) async throws -> Secp256k1ECDSASignature {
        guard digest.count == 32 else {
            throw KeyCustodyError(.invalidInput, "An ECDSA digest is 32 bytes, not \(digest.count).")
        }
        let held = try heldKey(key)
        do {
            let raw = try sessions.withSession { try deviceSignature(digest, key: held.privateKey, label: key.id, in: $0) }
            let signer = "Token \"\(tokenLabel)\" key \"\(key.id)\""
            let (signature, wasHighS) = try Self.checkedSignature(raw, digest: digest, publicKey: held.publicKey, signer: signer)
            if wasHighS { normalizations.withLock { $0 += 1 } }
            return signature
        } catch {
            forget(key)
            throw error
        }
    }

    /// Turns a device's raw `r ‖ s` into the low-S signature it stands for, refusing anything that
    /// does not verify under the key's public key.
    /// - Parameters:
    ///   - raw: what the device returned.
    ///   - digest: the digest it was asked to sign.
    ///   - publicKey: the signing key's public key.
    ///   - signer: names the device and key in error reasons.
    /// - Returns: the low-S signature, and whether the device's own was high-S.
    /// - Throws: `KeyCustodyError.backendFailure` for a malformed or non-verifying signature.
    package static func checkedSignature(
        _ raw: [UInt8], digest: [UInt8], publicKey: Secp256k1PublicKey, signer: String
    ) throws -> (signature: Secp256k1ECDSASignature, wasHighS: Bool) {
        guard raw.count == 64, let deviceSignature = try? Secp256k1ECDSASignature(compactRepresentation: raw) else {
            throw KeyCustodyError(.backendFailure, "\(signer) returned a malformed \(raw.count)-byte ECDSA signature.")
        }
        let signature = deviceSignature.normalized
        guard publicKey.isValidSignature(signature, forDigest: digest) else {
            throw KeyCustodyError(.backendFailure, "\(signer) returned a signature that does not verify under its public key; it was discarded.")
        }
        return (signature, !deviceSignature.isLowS)
    }

    private func deviceSignature(_ digest: [UInt8], key: CK_OBJECT_HANDLE, label: String, in session: CK_SESSION_HANDLE) throws -> [UInt8] {
        var mechanism = CK_MECHANISM(mechanism: CK_MECHANISM_TYPE(CKM_ECDSA), pParameter: nil, ulParameterLen: 0)
        let context = "Signing with key \"\(label)\" in token \"\(tokenLabel)\""
        try module.check("C_SignInit", module.functions.C_SignInit!(session, &mechanism, key), context)
        var input = digest
        var signature = [UInt8](repeating: 0, count: 132)  // room for r ‖ s on the largest standard curve
        var length = CK_ULONG(signature.count)
        try module.check("C_Sign", module.functions.C_Sign!(session, &input, CK_ULONG(input.count), &signature, &length), context)
        return Array(signature.prefix(Int(length)))
    }
}
