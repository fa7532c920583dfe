internal import Primitives

/// The subjects (without their `id`) satisfy every CPT the credential names in
/// `credentialSchema`, as registered on the chain. For SD-JWT, a `required` claim the holder
/// chose not to disclose is not a violation. Pattern matching draws on the request's budget.
public struct SchemaCheck: CredentialCheck {
    /// See ``CredentialCheck/isRequired``.
    public var isRequired: Bool
    /// See ``CredentialCheck/name``.
    public var name: VerificationCheck.Name { .schema }

    /// A schema check.
    public init(required: Bool = false) { isRequired = required }

    /// See ``CredentialCheck/evaluate(_:)``.
    public func evaluate(_ input: inout CredentialCheckInput) -> VerificationCheck {
        let secured = input.secured
        let references = secured.credential.schemas
        guard !references.isEmpty else { return .notApplicable(.schema, "The credential names no credentialSchema.") }
        var names: [String] = []
        for reference in references {
            guard let cpt = CPTIdentifier(reference.id) else {
                return .failed(.schema, "unknownSchema", "The schema \(reference.id) is not a CPT (urn:chancery:cpt:N:V) of this chain; other schemas are not fetched.")
            }
            let schema: CredentialSchema?
            do { schema = try input.registry.credentialSchema(id: cpt) } catch {
                return CredentialVerifier.registryFailure(.schema, "The schema registry could not be read", error)
            }
            guard let schema else {
                return .failed(.schema, "unknownSchema", "The schema \(reference.id) is not registered on this chain.")
            }
            for subject in secured.credential.subjects {
                var claims = subject
                claims.removeValue(forKey: "id")
                var violations = schema.validate(.object(claims), budget: &input.budget)
                if secured.format == .sdJWT { violations.removeAll { $0.keyword == "required" } }
                if let first = violations.first {
                    let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
                    return .failed(.schema, "schemaViolation", "The subject does not satisfy \(reference.id): \(first)\(more).")
                }
            }
            names.append(reference.id)
        }
        return .passed(.schema, "The subject satisfies \(names.joined(separator: ", ")).")
    }
}
