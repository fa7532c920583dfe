internal import DID
internal import Primitives

/// No revocation or suspension entry of the credential is set, and each list it points at is
/// published on the chain by the credential's own issuer.
public struct StatusCheck: CredentialCheck {
    /// See ``CredentialCheck/isRequired``.
    public var isRequired: Bool
    /// See ``CredentialCheck/name``.
    public var name: VerificationCheck.Name { .status }

    /// A status check.
    public init(required: Bool = false) { isRequired = required }

    /// See ``CredentialCheck/evaluate(_:)``.
    public func evaluate(_ input: inout CredentialCheckInput) -> VerificationCheck {
        let secured = input.secured
        let entries = secured.credential.statusEntries
        guard !entries.isEmpty else { return .notApplicable(.status, "The credential has no credentialStatus.") }
        var checked: [String] = []
        for object in entries {
            let entry: BitstringStatusListEntry
            do { entry = try BitstringStatusListEntry(json: .object(object)) } catch {
                return .failed(.status, "invalidStatusEntry", (error as? CredentialsError)?.reason ?? "A credentialStatus entry is malformed.")
            }
            guard entry.statusPurpose == .revocation || entry.statusPurpose == .suspension else { continue }
            let registered: RegisteredStatusList?
            do { registered = try input.registry.registeredStatusList(id: entry.statusListCredential) } catch {
                return CredentialVerifier.registryFailure(.status, "The status list could not be read", error)
            }
            guard let registered else {
                return .failed(.status, "statusListNotFound", "The status list \(entry.statusListCredential) is not published on this chain.")
            }
            guard registered.issuer.description == secured.credential.issuer else {
                return .failed(.status, "statusListNotIssuers", "The status list \(entry.statusListCredential) belongs to \(registered.issuer), not to the issuer.")
            }
            guard let set = try? registered.list.status(at: entry.statusListIndex) else {
                return .failed(.status, "statusIndexOutOfRange", "Index \(entry.statusListIndex) lies outside the status list.")
            }
            if set != 0 {
                let code = entry.statusPurpose == .revocation ? "revoked" : "suspended"
                return .failed(.status, code, "The credential is \(code) (\(entry.statusListCredential), index \(entry.statusListIndex)).")
            }
            checked.append(entry.statusPurpose.rawValue)
        }
        guard !checked.isEmpty else { return .notApplicable(.status, "No revocation or suspension entry to check.") }
        return .passed(.status, "Not \(checked.map { $0 == "revocation" ? "revoked" : "suspended" }.joined(separator: " or ")).")
    }
}
