public import Primitives

/// Checks a credential against every requirement of the W3C VC Data Model 2.0 (sections 4
/// and 5) that its JSON syntax decides, and names the member behind each failure: what the VC
/// API issuer runs on the credential it is asked to secure, before anything is signed.
/// VC 1.1 credentials (first `@context` `…/2018/credentials/v1`) are checked by 1.1's
/// equivalents (`issuanceDate` required, `expirationDate`).
///
/// What JSON-LD processing decides is decided with the contexts the validator is given (the
/// bundled ones, or a node's pinned set): a context that redefines a protected term or maps a
/// term to something that is not an IRI, and a `type` that maps to no URL, are violations. A
/// credential naming a context outside that set is not judged on these points (an RDFC format
/// refuses it when signing). Fetching a resource (a `relatedResource` digest that does not
/// match) is not done.
///
/// ```swift
/// switch CredentialDataModelValidator().validate(credential) {
/// case .conforms(let version): print("a \(version) credential")
/// case .violates(let violations): print(violations.map(\.reason).joined(separator: " "))
/// }
/// ```
public struct CredentialDataModelValidator: Sendable {
    /// The members whose entries must each have a `type` ([VCDM 2.0 §4.5](https://www.w3.org/TR/vc-data-model-2.0/#types)),
    /// and whether each entry also needs an `id`.
    static let typedMembers: [(member: String, needsID: Bool)] = [
        ("credentialStatus", false), ("credentialSchema", true), ("evidence", false),
        ("termsOfUse", false), ("refreshService", false), ("proof", false),
    ]

    /// The contexts JSON-LD processing may use (never fetched).
    let contexts: LinkedDataContexts

    /// Creates a validator.
    /// - Parameter contexts: the contexts for the JSON-LD checks; the bundled set by default.
    public init(contexts: LinkedDataContexts = .bundled) {
        self.contexts = contexts
    }

    /// Validates a credential.
    /// - Parameter credential: the credential object, unsecured or secured.
    /// - Returns: `.conforms` with the data model version, or every violation found.
    public func validate(_ credential: JSONObject) -> DataModelValidation {
        var violations: [DataModelViolation] = []
        let version = Self.context(credential["@context"], into: &violations)
        Self.identifier(credential["id"], member: "id", into: &violations)
        Self.types(credential["type"], into: &violations)
        Self.issuer(credential["issuer"], into: &violations)
        Self.subjects(credential["credentialSubject"], into: &violations)
        Self.validity(credential, version: version ?? .v2, into: &violations)
        Self.languageValue(credential["name"], member: "name", into: &violations)
        Self.languageValue(credential["description"], member: "description", into: &violations)
        for (member, needsID) in Self.typedMembers {
            Self.typedEntries(credential[member], member: member, needsID: needsID, into: &violations)
        }
        Self.relatedResources(credential["relatedResource"], into: &violations)
        // JSON-LD processing only for a credential whose syntax conforms: its reasons would
        // otherwise repeat the syntax's.
        if violations.isEmpty, version == .v2 { linkedData(credential, into: &violations) }
        guard violations.isEmpty, let version else { return .violates(violations) }
        return .conforms(version)
    }

    /// `@context`: an array whose first item is the base context and whose other items are
    /// URLs or objects ([§4.3](https://www.w3.org/TR/vc-data-model-2.0/#contexts)).
    static func context(_ value: JSONValue?, into violations: inout [DataModelViolation]) -> DataModelVersion? {
        let base = DataModelVersion.v2.rawValue
        guard let value else {
            violations.append(.init(member: "@context", reason: "The credential has no '@context'; its first item must be \(base)."))
            return nil
        }
        guard let entries = value.arrayValue, let first = entries.first else {
            violations.append(.init(member: "@context", reason: "'@context' must be an array whose first item is \(base), not \(kind(of: value))."))
            return nil
        }
        let version = first.stringValue.flatMap(DataModelVersion.init(rawValue:))
        if version == nil {
            violations.append(.init(member: "@context[0]", reason: "The first '@context' item must be \(base) (or \(DataModelVersion.v1.rawValue) for VC 1.1), not \(describe(first))."))
        }
        for (index, entry) in entries.enumerated().dropFirst() {
            switch entry {
            case .object: continue
            case .string(let text) where isURL(text): continue
            default:
                violations.append(.init(member: "@context[\(index)]", reason: "Each '@context' item must be a URL or an object; item \(index) is \(describe(entry))."))
            }
        }
        return version
    }

    /// An `id`: when present, one URL ([§4.4](https://www.w3.org/TR/vc-data-model-2.0/#identifiers)).
    static func identifier(_ value: JSONValue?, member: String, required: Bool = false, into violations: inout [DataModelViolation]) {
        guard let value else {
            if required { violations.append(.init(member: member, reason: "'\(member)' is required: one URL.")) }
            return
        }
        guard case .string(let text) = value, isURL(text) else {
            violations.append(.init(member: member, reason: "'\(member)' must be a single URL, not \(describe(value))."))
            return
        }
    }

    /// `type`: a term or URL, or a non-empty array of them, including VerifiableCredential
    /// ([§4.5](https://www.w3.org/TR/vc-data-model-2.0/#types)).
    static func types(_ value: JSONValue?, into violations: inout [DataModelViolation]) {
        guard let value else {
            violations.append(.init(member: "type", reason: "The credential has no 'type'; it must include VerifiableCredential."))
            return
        }
        guard let names = typeNames(value, member: "type", into: &violations) else { return }
        if !names.contains("VerifiableCredential") {
            violations.append(.init(member: "type", reason: "'type' must include VerifiableCredential; it has \(names.joined(separator: ", "))."))
        }
    }

    /// The names of a `type` value, each a term or a URL; `nil` (with violations) otherwise.
    static func typeNames(_ value: JSONValue, member: String, into violations: inout [DataModelViolation]) -> [String]? {
        let entries: [JSONValue]
        switch value {
        case .string: entries = [value]
        case .array(let array) where !array.isEmpty: entries = array
        default:
            violations.append(.init(member: member, reason: "'\(member)' must be a string or a non-empty array of strings, not \(describe(value))."))
            return nil
        }
        let before = violations.count
        let names = entries.enumerated().compactMap { index, entry -> String? in
            guard case .string(let name) = entry, isTerm(name) else {
                violations.append(.init(member: "\(member)[\(index)]", reason: "Each '\(member)' value must be a term or a URL; value \(index) is \(describe(entry))."))
                return nil
            }
            return name
        }
        return violations.count == before ? names : nil
    }
}
