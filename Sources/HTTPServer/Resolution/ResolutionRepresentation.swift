import Node
import DID

/// What `GET /1.0/identifiers/{did}` answers with, chosen from the `Accept` header: the whole
/// resolution result (`application/did-resolution`, or the JSON-LD profile form), a whole
/// dereferencing result (`application/did-url-dereferencing`, DID Resolution §10.1) or the
/// document alone (`application/did`, DID 1.1's type, or DID 1.0's `application/did+ld+json`
/// and `application/did+json` when asked for by name). No preference, `*/*` and
/// `application/*` give the whole resolution result, as the Universal Resolver does; the
/// document inside is `application/did`, so the metadata's `contentType` is a type the binding
/// itself answers with.
struct ResolutionRepresentation: Equatable {
    /// Whether the body is the whole result (else the document alone).
    let isResult: Bool
    /// Whether the whole result is a DID URL dereferencing result, even for a plain DID.
    var isDereferencing = false
    /// The response's `Content-Type`.
    let contentType: String
    /// The document representation asked of the resolver.
    let documentType: String

    static let result = ResolutionRepresentation(isResult: true, contentType: DIDMediaType.didResolution,
                                                 documentType: DIDMediaType.did)
    static let dereferencing = ResolutionRepresentation(isResult: true, isDereferencing: true, contentType: "application/did-url-dereferencing",
                                                        documentType: DIDMediaType.did)

    /// The acceptable representation with the highest `q` (first on ties), or `nil` when the
    /// client accepts none of them (answered 406).
    static func negotiate(_ accept: String?) -> ResolutionRepresentation? {
        guard let accept, !accept.allSatisfy(\.isWhitespace) else { return .result }
        var best: (quality: Double, representation: ResolutionRepresentation)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
            var parameters: [String: String] = [:]
            for part in parts.dropFirst() {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " \t\"") }
                if pair.count == 2 { parameters[pair[0].lowercased()] = pair[1] }
            }
            let quality = parameters["q"].flatMap(Double.init) ?? 1
            guard quality > 0, quality.isFinite, let representation = representation(parts.first?.lowercased() ?? "", parameters) else { continue }
            if best == nil || quality > best!.quality { best = (quality, representation) }
        }
        return best?.representation
    }

    private static func representation(_ type: String, _ parameters: [String: String]) -> ResolutionRepresentation? {
        switch type {
        case "*/*", "application/*", DIDMediaType.didResolution: .result
        case dereferencing.contentType: .dereferencing
        case "application/ld+json" where parameters["profile"] == "https://w3id.org/did-resolution":
            ResolutionRepresentation(isResult: true, contentType: DIDMediaType.didResolutionLDJSON, documentType: DIDMediaType.did)
        case DIDMediaType.did:
            ResolutionRepresentation(isResult: false, contentType: DIDMediaType.did, documentType: DIDMediaType.did)
        case DIDMediaType.didLDJSON:
            ResolutionRepresentation(isResult: false, contentType: DIDMediaType.didLDJSON, documentType: DIDMediaType.didLDJSON)
        case DIDMediaType.didJSON:
            ResolutionRepresentation(isResult: false, contentType: DIDMediaType.didJSON, documentType: DIDMediaType.didJSON)
        default: nil
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set` (spaces, tabs, quotes).
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
