internal import DID

/// The issuer was accredited for each CPT the credential names at issuance time: the anchor's
/// block time when the credential is anchored (a time the issuer cannot choose), else
/// `validFrom`.
public struct AccreditationCheck: CredentialCheck {
    /// See ``CredentialCheck/isRequired``.
    public var isRequired: Bool
    /// See ``CredentialCheck/name``.
    public var name: VerificationCheck.Name { .accreditation }

    /// An accreditation check.
    public init(required: Bool = false) { isRequired = required }

    /// See ``CredentialCheck/evaluate(_:)``.
    public func evaluate(_ input: inout CredentialCheckInput) -> VerificationCheck {
        let issuer = input.secured.credential.issuer
        let cpts = input.secured.credential.schemas.compactMap { CPTIdentifier($0.id) }
        guard !cpts.isEmpty else { return .notApplicable(.accreditation, "The credential names no registered CPT to be accredited for.") }
        guard let issuedAt = input.issuedAt() else {
            return .failed(.accreditation, "unknownIssuanceTime", "Neither an anchor nor validFrom tells when the credential was issued.")
        }
        guard let did = try? DID(parsing: issuer) else {
            return .failed(.accreditation, "notAccredited", "The issuer \(issuer) is not a DID, so it cannot be accredited.")
        }
        for cpt in cpts {
            do {
                guard try input.registry.isAccredited(issuer: did, schema: cpt, at: issuedAt) else {
                    return .failed(.accreditation, "notAccredited", "\(issuer) was not an accredited issuer of \(cpt) at \(CredentialVerifier.text(issuedAt)).")
                }
            } catch {
                return CredentialVerifier.registryFailure(.accreditation, "The issuer registry could not be read", error)
            }
        }
        return .passed(.accreditation, "\(issuer) was accredited for \(cpts.map(\.description).joined(separator: ", ")) at \(CredentialVerifier.text(issuedAt)).")
    }
}
