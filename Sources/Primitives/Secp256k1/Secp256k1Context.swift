internal import CSecp256k1
internal import CSodium

/// The process-wide libsecp256k1 context.
///
/// A final class marked `@unchecked Sendable` because an `OpaquePointer` cannot live in a
/// `Sendable` value: sharing is safe since, after randomisation at creation, every operation
/// we perform takes the context as `const` (libsecp256k1's documented thread-safety rule).
final class Secp256k1Context: @unchecked Sendable {
    /// The shared context, created and randomised once.
    static let shared = Secp256k1Context()

    let raw: OpaquePointer

    private init() {
        guard let ctx = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            fatalError("libsecp256k1 could not allocate a context")
        }
        // Randomisation blinds the signing computations against side channels.
        var seed = [UInt8](repeating: 0, count: 32)
        randombytes_buf(&seed, 32)
        _ = secp256k1_context_randomize(ctx, seed)
        sodium_memzero(&seed, 32)
        raw = ctx
    }
}
