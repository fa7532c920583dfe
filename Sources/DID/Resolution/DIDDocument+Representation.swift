extension DIDDocument {
    /// The document as `contentType` presents it: `@context` belongs to the JSON-LD
    /// representation only (DID Core §6.3.1), so plain JSON goes without it.
    package func represented(as contentType: String) -> DIDDocument {
        guard contentType == DIDMediaType.didJSON else { return self }
        var plain = self
        plain.context = nil
        return plain
    }
}
