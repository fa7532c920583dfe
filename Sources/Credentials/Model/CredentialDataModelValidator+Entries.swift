public import Primitives

extension CredentialDataModelValidator {
    /// `credentialStatus`, `credentialSchema`, `evidence`, `termsOfUse`, `refreshService` and
    /// `proof`: an object or a non-empty array of objects, each with a `type` and, when it has
    /// one (for `credentialSchema` always), a URL `id` ([§4.10–4.12, §5.4–5.6](https://www.w3.org/TR/vc-data-model-2.0/#status)).
    static func typedEntries(_ value: JSONValue?, member: String, needsID: Bool, into violations: inout [DataModelViolation]) {
        guard let value else { return }
        for (path, entry) in entries(value, member: member, into: &violations) {
            guard let object = entry.objectValue else {
                violations.append(.init(member: path, reason: "Each '\(member)' entry must be an object; \(path) is \(describe(entry))."))
                continue
            }
            if let type = object["type"] {
                _ = typeNames(type, member: path + ".type", into: &violations)
            } else {
                violations.append(.init(member: path + ".type", reason: "'\(path).type' is missing; every \(member) entry must name its type."))
            }
            identifier(object["id"], member: path + ".id", required: needsID, into: &violations)
        }
    }

    /// `relatedResource`: objects with a URL `id`, unique among them, and a `digestSRI` or
    /// `digestMultibase` ([§5.3](https://www.w3.org/TR/vc-data-model-2.0/#integrity-of-related-resources)).
    /// Whether a digest matches the resource is a verifier's question (it fetches the resource).
    static func relatedResources(_ value: JSONValue?, into violations: inout [DataModelViolation]) {
        guard let value else { return }
        var seen: Set<String> = []
        for (path, entry) in entries(value, member: "relatedResource", into: &violations) {
            guard let object = entry.objectValue else {
                violations.append(.init(member: path, reason: "Each 'relatedResource' entry must be an object with 'id' and a digest; \(path) is \(describe(entry))."))
                continue
            }
            identifier(object["id"], member: path + ".id", required: true, into: &violations)
            if let id = object["id"]?.stringValue, !seen.insert(id).inserted {
                violations.append(.init(member: path + ".id", reason: "'\(path).id' repeats \(id); each related resource appears once."))
            }
            let sri = object["digestSRI"], multibase = object["digestMultibase"]
            if sri == nil, multibase == nil {
                violations.append(.init(member: path, reason: "'\(path)' needs a 'digestSRI' or a 'digestMultibase'."))
            }
            if let sri, !(sri.stringValue.map(isSubresourceIntegrity) ?? false) {
                violations.append(.init(member: path + ".digestSRI", reason: "'\(path).digestSRI' must be an SRI digest such as sha384-<base64>, not \(describe(sri))."))
            }
            if let multibase, !(multibase.stringValue.map(isMultibase) ?? false) {
                violations.append(.init(member: path + ".digestMultibase", reason: "'\(path).digestMultibase' must be a multibase string such as u<base64url>, not \(describe(multibase))."))
            }
            if let mediaType = object["mediaType"], mediaType.stringValue?.contains("/") != true {
                violations.append(.init(member: path + ".mediaType", reason: "'\(path).mediaType' must be a media type such as application/json."))
            }
        }
    }

    /// The entries of a one-or-many member, with their paths; a violation when it is neither.
    private static func entries(_ value: JSONValue, member: String, into violations: inout [DataModelViolation]) -> [(String, JSONValue)] {
        switch value {
        case .object: return [(member, value)]
        case .array(let array) where !array.isEmpty: return array.enumerated().map { ("\(member)[\($0)]", $1) }
        default:
            violations.append(.init(member: member, reason: "'\(member)' must be an object or a non-empty array of objects, not \(describe(value))."))
            return []
        }
    }

    /// Whether a text is a URL as the data model's identifiers must be: an RFC 3986 absolute
    /// URI (DIDs and URNs are).
    /// - Parameter text: the text.
    /// - Returns: whether it is one.
    public static func isURL(_ text: String) -> Bool { AbsoluteURI.isValid(Array(text.unicodeScalars)) }

    /// A `type` value: a URL, or a term (a name without a colon or white space that a context maps).
    static func isTerm(_ text: String) -> Bool {
        if text.contains(":") { return isURL(text) }
        return !text.isEmpty && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
    }

    private static func isSubresourceIntegrity(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, ["sha256", "sha384", "sha512"].contains(parts[0]) else { return false }
        return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=_-".contains($0)) }
    }

    private static func isMultibase(_ text: String) -> Bool {
        guard let prefix = text.first, "uzmMfFbBUkKt".contains(prefix), text.count > 1 else { return false }
        return text.dropFirst().allSatisfy { $0.isASCII && !$0.isWhitespace }
    }

    /// A JSON value for a reason: strings quoted (and cut short), other kinds by name.
    static func describe(_ value: JSONValue) -> String {
        guard case .string(let text) = value else { return JSONFieldReader.kind(of: value) }
        return "'\(text.prefix(96))'"
    }

    /// A JSON value's kind.
    static func kind(of value: JSONValue) -> String { JSONFieldReader.kind(of: value) }
}
