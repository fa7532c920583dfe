/// The verdict of ``CredentialDataModelValidator``: the credential meets every requirement of
/// the data model that its syntax decides, or it fails the named ones.
public enum DataModelValidation: Sendable, Hashable {
    /// The credential conforms, written in this version of the data model.
    case conforms(DataModelVersion)
    /// The credential fails these requirements, in document order.
    case violates([DataModelViolation])

    /// The violations; empty when the credential conforms.
    public var violations: [DataModelViolation] {
        if case .violates(let violations) = self { return violations }
        return []
    }
}
