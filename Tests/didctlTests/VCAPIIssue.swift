import Foundation

/// Requests and answers of `POST /credentials/issue` as the VC API shapes them: a whole VC Data
/// Model 2.0 credential in, an `EnvelopedVerifiableCredential` (JOSE) or a secured credential out.
enum VCAPIIssue {
    /// The base context of VC Data Model 2.0.
    static let context = "https://www.w3.org/ns/credentials/v2"

    /// A request body for a credential by `issuer` about `subject`, naming `schema` when given.
    static func body(issuer: String, subject: [String: Any], schema: String? = nil, options: [String: Any]? = nil) -> [String: Any] {
        var credential: [String: Any] = ["@context": [context], "type": ["VerifiableCredential"], "issuer": issuer, "credentialSubject": subject]
        if let schema { credential["credentialSchema"] = ["id": schema, "type": "JsonSchema"] }
        var body: [String: Any] = ["credential": credential]
        if let options { body["options"] = options }
        return body
    }

    /// The compact JWT (or SD-JWT) inside an answer's `EnvelopedVerifiableCredential`.
    static func token(_ answer: [String: Any]) -> String? {
        guard let envelope = answer["verifiableCredential"] as? [String: Any],
              envelope["type"] as? String == "EnvelopedVerifiableCredential",
              let id = envelope["id"] as? String, let comma = id.firstIndex(of: ","), id.hasPrefix("data:application/vc+") else { return nil }
        return String(id[id.index(after: comma)...])
    }
}
