import Credentials
import Primitives

/// Presentations as a verifier receives them, as JSON or compact text, with a challenge the
/// verifier never issued and a domain.
enum PresentationHarness {
    static func run(_ input: [UInt8]) async {
        let text = FuzzInput.text(input)
        let value = (try? JSONValue(parsing: input)) ?? .string(text)
        let result = await FuzzVerifiers.presentations.verify(
            value, challenge: "fuzz-challenge", domain: "https://verifier.example", now: FuzzVerifiers.now)
        FuzzCheck.require(!(result.isMalformed && result.verified), "a malformed presentation is not verified")
        _ = JCS.canonicalize(.object(result.json))
        _ = try? JWTPresentation(parsing: text)
        if case .object(let object) = value { _ = try? VerifiablePresentation(json: object) }
    }
}
