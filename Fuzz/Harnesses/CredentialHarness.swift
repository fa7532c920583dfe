import Credentials
import Primitives

/// Credentials as a verifier receives them. Text that is JSON goes in as the parsed value,
/// anything else as a compact JWT / SD-JWT string; the compact parsers also run on their own.
/// Whatever the verdict, a malformed credential is never verified and the report serializes.
enum CredentialHarness {
    static func run(_ input: [UInt8]) async {
        let text = FuzzInput.text(input)
        let value = (try? JSONValue(parsing: input)) ?? .string(text)
        let result = await FuzzVerifiers.credentials.verify(value, now: FuzzVerifiers.now)
        FuzzCheck.require(!(result.isMalformed && result.verified), "a malformed credential is not verified")
        _ = JCS.canonicalize(.object(result.json))
        _ = try? CompactJWS(parsing: text)
        _ = try? JWTCredential(parsing: text)
        _ = try? SDJWT(parsing: text)
        _ = try? Disclosure(parsing: text)
    }
}
