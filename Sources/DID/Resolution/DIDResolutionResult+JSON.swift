public import Primitives

extension DIDResolutionResult {
    /// The result as the JSON object of W3C DID Resolution §7.1, the body of an
    /// `application/did-resolution` response; a failure has `"didDocument": null`.
    public var jsonValue: JSONValue {
        ["@context": .string(Self.context), "didDocument": didDocument?.jsonValue ?? .null,
         "didResolutionMetadata": didResolutionMetadata.jsonValue, "didDocumentMetadata": didDocumentMetadata.jsonValue]
    }
}

extension DIDResolutionMetadata {
    /// The metadata as a JSON object with only the members that are set. An error is the
    /// object the DID Resolution specification defines (RFC 9457 members): `type` the error's
    /// URL (``DIDError/Code/typeURL``), `title` its short name, `detail` the sentence.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        if let contentType { object["contentType"] = .string(contentType) }
        if let error {
            var problem: JSONObject = ["type": .string(error.typeURL), "title": .string(error.name)]
            if let errorMessage { problem["detail"] = .string(errorMessage) }
            object["error"] = .object(problem)
        }
        return .object(object)
    }
}

extension DIDDocumentMetadata {
    /// The metadata as a JSON object with only the members that are set, times in the
    /// canonical `YYYY-MM-DDThh:mm:ssZ` form.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        if let created { object["created"] = .string(created.description) }
        if let updated { object["updated"] = .string(updated.description) }
        if let deactivated { object["deactivated"] = .bool(deactivated) }
        if let versionId { object["versionId"] = .string(versionId) }
        if let nextUpdate { object["nextUpdate"] = .string(nextUpdate.description) }
        if let nextVersionId { object["nextVersionId"] = .string(nextVersionId) }
        if !equivalentId.isEmpty { object["equivalentId"] = .array(equivalentId.map { .string($0.description) }) }
        if let canonicalId { object["canonicalId"] = .string(canonicalId.description) }
        object.merge(additionalProperties)
        return .object(object)
    }
}
