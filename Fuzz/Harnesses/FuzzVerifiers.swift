import Credentials
import DID

/// The verifier a node without a chain runs (`didctl credential verify` with no data
/// directory): did:key issuers and holders, checks that read a chain reported as needing one.
enum FuzzVerifiers {
    /// 2026-01-01T00:00:00Z in ms: a fixed "now", so a replayed input takes the same path.
    static let now: Int64 = 1_767_225_600_000

    static let credentials = CredentialVerifier(
        resolver: CompositeResolver([DIDKey.methodName: DIDKey.Resolver()]), registry: ChainlessCredentialRegistry())

    static let presentations = PresentationVerifier(credentials: credentials, challenges: InMemoryChallengeStore())
}
