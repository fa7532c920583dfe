internal import CSecp256k1
import Primitives

extension PrimitivesBenchmark {
    /// secp256k1 ECDSA and BIP-340, wrapper against libsecp256k1 called directly.
    static func secp256k1Cases() -> [Case] {
        let ctx = Self.context
        let key = Secp256k1PrivateKey()
        let publicKey = key.publicKey
        let xOnly = publicKey.xOnly
        let digest = BIP340TaggedHash.hash(tag: "bench", [1, 2, 3])
        let aux = [UInt8](repeating: 7, count: 32)
        let signature = try! key.signature(forDigest: digest)
        let schnorr = try! key.schnorrSignature(for: digest, auxiliaryRandomness: aux)
        var rawSig = secp256k1_ecdsa_signature()
        var rawKey = secp256k1_pubkey()
        var rawXOnly = secp256k1_xonly_pubkey()
        _ = secp256k1_ecdsa_signature_parse_compact(ctx, &rawSig, signature.compactRepresentation)
        let compressed = publicKey.compressedRepresentation
        _ = secp256k1_ec_pubkey_parse(ctx, &rawKey, compressed, compressed.count)
        _ = secp256k1_xonly_pubkey_parse(ctx, &rawXOnly, xOnly.rawRepresentation)
        let scalar = key.rawRepresentation.unsafeArray
        var keypair = secp256k1_keypair()
        _ = secp256k1_keypair_create(ctx, &keypair, scalar)
        let frozenKeypair = keypair, frozenSig = rawSig, frozenKey = rawKey, frozenXOnly = rawXOnly

        return [
            Case(operation: "secp256k1 ECDSA sign",
                 wrapper: { (try? key.signature(forDigest: digest)) != nil },
                 library: {
                     var out = secp256k1_ecdsa_signature()
                     return secp256k1_ecdsa_sign(ctx, &out, digest, scalar, nil, nil) == 1
                 }),
            Case(operation: "secp256k1 ECDSA verify",
                 wrapper: { publicKey.isValidSignature(signature, forDigest: digest) },
                 library: {
                     withUnsafePointer(to: frozenSig) { s in
                         withUnsafePointer(to: frozenKey) { secp256k1_ecdsa_verify(ctx, s, digest, $0) == 1 }
                     }
                 }),
            Case(operation: "secp256k1 BIP-340 sign",
                 wrapper: { (try? key.schnorrSignature(for: digest, auxiliaryRandomness: aux)) != nil },
                 library: {
                     var out = [UInt8](repeating: 0, count: 64)
                     return withUnsafePointer(to: frozenKeypair) { secp256k1_schnorrsig_sign32(ctx, &out, digest, $0, aux) == 1 }
                 }),
            Case(operation: "secp256k1 BIP-340 verify",
                 wrapper: { xOnly.isValidSchnorrSignature(schnorr, for: digest) },
                 library: {
                     withUnsafePointer(to: frozenXOnly) { secp256k1_schnorrsig_verify(ctx, schnorr, digest, 32, $0) == 1 }
                 }),
        ]
    }

    /// The library side's own context, created and randomised once as the wrapper's is, so
    /// both sides do the same work per call.
    nonisolated(unsafe) private static let context: OpaquePointer = {
        guard let ctx = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            fatalError("libsecp256k1 could not allocate a context")
        }
        _ = secp256k1_context_randomize(ctx, SecureRandom.bytes(count: 32))
        return ctx
    }()
}
