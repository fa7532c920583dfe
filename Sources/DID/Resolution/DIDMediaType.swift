/// The media types of DID documents (DID Core §6) and resolution results (DID Resolution §7)
/// that resolvers in this module produce.
///
/// DID 1.1 consolidated the document types into one, `application/did`, which is the default
/// here and what the current DID Resolution specification's HTTP binding names
/// (`specs/did-method.md` §4.3). DID 1.0's two types stay available to clients that ask for
/// them by name.
public enum DIDMediaType {
    /// A DID document as DID 1.1 defines it (JSON with an `@context` whose first entry is the
    /// DID 1.1 context), the default.
    public static let did = "application/did"
    /// A DID document as DID 1.0's JSON-LD representation.
    public static let didLDJSON = "application/did+ld+json"
    /// A DID document as DID 1.0's plain JSON representation (no `@context`).
    public static let didJSON = "application/did+json"
    /// A whole resolution result (document and metadata).
    public static let didResolution = "application/did-resolution"
    /// A whole resolution result, in the JSON-LD profile form.
    public static let didResolutionLDJSON = "application/ld+json;profile=\"https://w3id.org/did-resolution\""

    /// The document types a resolver here produces, the default first; named in errors.
    package static let documentTypes = [did, didLDJSON, didJSON]

    /// Chooses the document representation for an HTTP `Accept` value: the acceptable range
    /// with the highest `q` (first on ties). The resolution-result types yield the default
    /// (`application/did`) document, which the result then wraps.
    /// - Parameter accept: the `Accept` value, or `nil` for no preference.
    /// - Returns: `did`, `didLDJSON` or `didJSON`, or `nil` when nothing acceptable is supported.
    package static func negotiate(_ accept: String?) -> String? {
        guard let accept, !accept.allSatisfy(\.isWhitespace) else { return did }
        let ranges = accept.split(separator: ",").map(MediaRange.init)
        let ranked = ranges.enumerated().filter { $0.element.quality > 0 }
            .sorted { ($0.element.quality, -$0.offset) > ($1.element.quality, -$1.offset) }
        return ranked.lazy.compactMap { $0.element.documentType }.first
    }

    /// One comma-separated entry of an `Accept` value.
    private struct MediaRange {
        let type: String
        let parameters: [String: String]

        init(_ text: Substring) {
            let parts = text.split(separator: ";").map { $0.trimmingSpaces() }
            type = parts.first?.lowercased() ?? ""
            var parameters: [String: String] = [:]
            for part in parts.dropFirst() {
                guard let equals = part.firstIndex(of: "=") else { continue }
                let value = part[part.index(after: equals)...].trimmingSpaces()
                let unquoted = value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") ? String(value.dropFirst().dropLast()) : value
                parameters[part[..<equals].trimmingSpaces().lowercased()] = unquoted
            }
            self.parameters = parameters
        }

        var quality: Double { parameters["q"].flatMap(Double.init) ?? 1 }

        var documentType: String? {
            switch type {
            case "*/*", "application/*", DIDMediaType.did, DIDMediaType.didResolution: DIDMediaType.did
            case DIDMediaType.didLDJSON: DIDMediaType.didLDJSON
            case DIDMediaType.didJSON: DIDMediaType.didJSON
            case "application/ld+json" where parameters["profile"] == "https://w3id.org/did-resolution": DIDMediaType.did
            default: nil
            }
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (HTTP's optional whitespace).
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
