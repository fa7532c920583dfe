internal import DID
public import Primitives

extension CredentialDataModelValidator {
    /// `issuer`: a URL, or an object with a URL `id` and optional language-valued `name` and
    /// `description` ([§4.7](https://www.w3.org/TR/vc-data-model-2.0/#issuer)).
    static func issuer(_ value: JSONValue?, into violations: inout [DataModelViolation]) {
        switch value {
        case nil:
            violations.append(.init(member: "issuer", reason: "The credential has no 'issuer'; it must be the issuer's URL (its DID)."))
        case .string(let text)?:
            if !isURL(text) { violations.append(.init(member: "issuer", reason: "'issuer' must be a URL such as a DID, not '\(text)'.")) }
        case .object(let object)?:
            identifier(object["id"], member: "issuer.id", required: true, into: &violations)
            languageValue(object["name"], member: "issuer.name", into: &violations)
            languageValue(object["description"], member: "issuer.description", into: &violations)
        case let other?:
            violations.append(.init(member: "issuer", reason: "'issuer' must be a URL or an object with a URL 'id', not \(describe(other))."))
        }
    }

    /// `credentialSubject`: an object or a non-empty array of objects, each making at least one
    /// claim, with a URL `id` when it has one ([§4.8](https://www.w3.org/TR/vc-data-model-2.0/#credential-subject)).
    static func subjects(_ value: JSONValue?, into violations: inout [DataModelViolation]) {
        switch value {
        case nil:
            violations.append(.init(member: "credentialSubject", reason: "The credential has no 'credentialSubject'."))
        case .object(let subject)?:
            self.subject(subject, member: "credentialSubject", into: &violations)
        case .array(let subjects)? where !subjects.isEmpty:
            for (index, entry) in subjects.enumerated() {
                let member = "credentialSubject[\(index)]"
                guard let subject = entry.objectValue else {
                    violations.append(.init(member: member, reason: "Each 'credentialSubject' must be an object; \(member) is \(describe(entry))."))
                    continue
                }
                self.subject(subject, member: member, into: &violations)
            }
        case let other?:
            violations.append(.init(member: "credentialSubject", reason: "'credentialSubject' must be an object or a non-empty array of objects, not \(describe(other))."))
        }
    }

    private static func subject(_ subject: JSONObject, member: String, into violations: inout [DataModelViolation]) {
        if subject.isEmpty {
            violations.append(.init(member: member, reason: "'\(member)' makes no claim; it must hold at least one property."))
        }
        identifier(subject["id"], member: member + ".id", into: &violations)
    }

    /// `validFrom` / `validUntil` (1.1: `issuanceDate`, required, / `expirationDate`): date-time
    /// stamps with a zone, the first not after the second ([§4.9](https://www.w3.org/TR/vc-data-model-2.0/#validity-period)).
    static func validity(_ credential: JSONObject, version: DataModelVersion, into violations: inout [DataModelViolation]) {
        let (start, end) = version == .v2 ? ("validFrom", "validUntil") : ("issuanceDate", "expirationDate")
        if version == .v1, credential[start] == nil {
            violations.append(.init(member: start, reason: "A VC 1.1 credential needs 'issuanceDate'."))
        }
        let from = dateTime(credential[start], member: start, into: &violations)
        let until = dateTime(credential[end], member: end, into: &violations)
        if let from, let until, until < from {
            violations.append(.init(member: end, reason: "'\(end)' (\(until)) is before '\(start)' (\(from)); it must be the same or later."))
        }
    }

    private static func dateTime(_ value: JSONValue?, member: String, into violations: inout [DataModelViolation]) -> DIDDateTime? {
        guard let value else { return nil }
        guard case .string(let text) = value, let time = DIDDateTime(parsing: text) else {
            violations.append(.init(member: member, reason: "'\(member)' must be a date-time stamp with a time zone such as 2026-01-01T00:00:00Z, not \(describe(value))."))
            return nil
        }
        return time
    }

    /// `name` / `description`: a string, a language value object (`@value`, optional
    /// `@language` and `@direction`, nothing else), or a non-empty array of those
    /// ([§4.6](https://www.w3.org/TR/vc-data-model-2.0/#names-and-descriptions)).
    static func languageValue(_ value: JSONValue?, member: String, into violations: inout [DataModelViolation]) {
        switch value {
        case nil, .string?: return
        case .object(let object)?: languageObject(object, member: member, into: &violations)
        case .array(let values)? where !values.isEmpty:
            for (index, entry) in values.enumerated() {
                switch entry {
                case .string: continue
                case .object(let object): languageObject(object, member: "\(member)[\(index)]", into: &violations)
                default: violations.append(.init(member: "\(member)[\(index)]", reason: "Each '\(member)' value must be a string or a language value object, not \(describe(entry))."))
                }
            }
        case let other?:
            violations.append(.init(member: member, reason: "'\(member)' must be a string, a language value object or an array of them, not \(describe(other))."))
        }
    }

    private static func languageObject(_ object: JSONObject, member: String, into violations: inout [DataModelViolation]) {
        if let extra = object.keys.first(where: { !["@value", "@language", "@direction"].contains($0) }) {
            violations.append(.init(member: member, reason: "'\(member)' may hold only '@value', '@language' and '@direction'; it has '\(extra)'."))
        }
        if object["@value"]?.stringValue == nil {
            violations.append(.init(member: member, reason: "'\(member)' needs a string '@value'."))
        }
        if let language = object["@language"], language.stringValue?.isEmpty != false {
            violations.append(.init(member: member, reason: "'\(member).@language' must be a language tag such as en."))
        }
        if let direction = object["@direction"], direction != "ltr", direction != "rtl" {
            violations.append(.init(member: member, reason: "'\(member).@direction' must be ltr or rtl."))
        }
    }
}
