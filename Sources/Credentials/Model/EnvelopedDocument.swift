internal import Primitives

/// The enveloped forms of VC Data Model 2.0 §4.13 and VC-JOSE-COSE: a credential or
/// presentation secured as a compact JOSE token and carried inside an object,
/// `{"@context", "id": "data:application/vc+jwt,<token>", "type": "EnvelopedVerifiableCredential"}`.
/// Verification unwraps the token and verifies it as if it had been sent bare.
enum EnvelopedDocument {
    /// The media types a verifier unwraps from an `EnvelopedVerifiableCredential`.
    static let credentialMediaTypes = ["application/vc+jwt", "application/vc+sd-jwt", "application/dc+sd-jwt"]
    /// The media types a verifier unwraps from an `EnvelopedVerifiablePresentation`.
    static let presentationMediaTypes = ["application/vp+jwt"]

    /// The token an enveloped object carries.
    /// - Parameters:
    ///   - object: the received object.
    ///   - type: `EnvelopedVerifiableCredential` or `EnvelopedVerifiablePresentation`.
    ///   - mediaTypes: the data URL media types accepted for it.
    /// - Returns: the token, or `nil` when the object is not of that type.
    /// - Throws: `CredentialsError.invalidCredential` for an object of that type whose `id` is
    ///   not a data URL of an accepted media type with a non-empty token.
    static func token(of object: JSONObject, type: String, mediaTypes: [String]) throws -> String? {
        let types = object["type"].map { $0.arrayValue ?? [$0] } ?? []
        guard types.contains(where: { $0.stringValue == type }) else { return nil }
        guard let id = object["id"]?.stringValue else {
            throw CredentialsError.invalidCredential("An \(type) carries its token in 'id' as a data: URL; it has none.")
        }
        for mediaType in mediaTypes {
            let prefix = "data:\(mediaType),"
            guard id.hasPrefix(prefix) else { continue }
            let token = String(id.dropFirst(prefix.count))
            guard !token.isEmpty else { break }
            return token
        }
        throw CredentialsError.invalidCredential(
            "An \(type)'s id must be a data: URL of \(mediaTypes.joined(separator: " or ")) with the token after the comma.")
    }
}
