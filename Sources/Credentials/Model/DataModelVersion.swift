internal import Primitives

/// The W3C VC Data Model version a credential or presentation is written in, told by its
/// first `@context`.
public enum DataModelVersion: String, Sendable, Hashable {
    /// VC Data Model 2.0: `validFrom` / `validUntil`; what Chancery issues.
    case v2 = "https://www.w3.org/ns/credentials/v2"
    /// VC Data Model 1.1: `issuanceDate` (required) / `expirationDate`; accepted on input.
    case v1 = "https://www.w3.org/2018/credentials/v1"

    /// Reads the version from a document's `@context`, which must be a string or an array
    /// of strings and objects whose first entry is one of the two base contexts.
    /// - Throws: `invalidCredential` (or `invalidPresentation`) naming what is wrong.
    static func of(_ document: JSONObject, what: String, error: (String) -> CredentialsError) throws -> Self {
        guard let context = document["@context"] else {
            throw error("The \(what) has no '@context'; the first entry must be \(Self.v2.rawValue).")
        }
        let entries: [JSONValue]
        switch context {
        case .string: entries = [context]
        case .array(let array): entries = array
        default: throw error("'@context' must be an array of URLs and objects, not \(JSONFieldReader.kind(of: context)).")
        }
        guard let first = entries.first?.stringValue, let version = Self(rawValue: first) else {
            throw error("The first '@context' entry must be \(Self.v2.rawValue) (or \(Self.v1.rawValue) for VC 1.1).")
        }
        for entry in entries.dropFirst() {
            switch entry {
            case .string, .object: continue
            default: throw error("Each '@context' entry must be a URL or an object, not \(JSONFieldReader.kind(of: entry)).")
            }
        }
        return version
    }
}
