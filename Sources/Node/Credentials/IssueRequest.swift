package import Credentials
package import Primitives

/// A `POST /credentials/issue` request, read and checked before anything is allocated or
/// signed: the credential as the client wrote it (checked against the VC Data Model by
/// ``CredentialDataModelValidator``), the securing format and the credential id its
/// `options` ask for, and the CPTs its subjects must satisfy.
package struct IssueRequest: Sendable {
    /// The credential, every member as given.
    package let credential: JSONObject
    /// Its data model version.
    package let version: DataModelVersion
    /// `options.format` (`jwt` when absent).
    package let format: CredentialFormat
    /// `options.credentialId`, else the credential's own `id`; the node makes a `urn:uuid:` when neither is given.
    package let credentialID: String?
    /// The issuer the credential names (`issuer`, or `issuer.id`).
    package let issuer: String
    /// The `credentialSchema` ids naming CPTs of this chain (`urn:chancery:cpt:…`); other
    /// schemas are kept in the credential and not resolved (the VCDM leaves that to verifiers).
    package let cpts: [String]
    /// The subjects (one or more).
    package let subjects: [JSONObject]

    /// Why a request is not one to issue (answered 400), one sentence per reason.
    package struct Refusal: Error {
        /// The sentences, each naming the member.
        package let reasons: [String]
        /// The reasons as one text.
        package var reason: String { reasons.joined(separator: " ") }
    }

    /// Reads a request.
    /// - Parameters:
    ///   - credential: the request's `credential`.
    ///   - options: the request's `options` (unknown members are ignored).
    ///   - contexts: the node's JSON-LD contexts, for the data model's JSON-LD checks.
    /// - Throws: ``Refusal`` naming every member that is wrong.
    package init(credential: JSONObject, options: JSONObject, contexts: LinkedDataContexts = .bundled) throws(Refusal) {
        let formats = CredentialFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard let format = CredentialFormat(rawValue: options["format"].map { $0.stringValue ?? "" } ?? "jwt") else {
            throw Refusal(reasons: ["options.format must be one of \(formats)."])
        }
        var reasons: [String] = []
        let validation = CredentialDataModelValidator(contexts: contexts).validate(credential)
        reasons += validation.violations.map(\.reason)
        let optionID = options["credentialId"]
        if let optionID, !(optionID.stringValue.map(CredentialDataModelValidator.isURL) ?? false) {
            reasons.append("options.credentialId must be a URL such as urn:uuid:….")
        }
        if let optionID, let own = credential["id"], own != optionID {
            reasons.append("options.credentialId and the credential's 'id' differ; give one of them.")
        }
        let evidence = credential["evidence"].map { $0.arrayValue ?? [$0] } ?? []
        if evidence.contains(where: { $0.objectValue.map(AnchorEvidence.isAnchorEntry) ?? false }) {
            reasons.append("'evidence' may not hold a \(AnchorEvidence.type) entry: the node adds its own anchor.")
        }
        if credential["proof"] != nil, format.envelopeMediaType == nil {
            reasons.append("The credential already has a 'proof'; send it unsecured, and the node adds its Data Integrity proof.")
        }
        var subjects: [JSONObject] = []
        switch credential["credentialSubject"] {
        case .object(let subject)?: subjects = [subject]
        case .array(let entries)?: subjects = entries.compactMap(\.objectValue)
        default: break
        }
        if format == .sdJWT, subjects.count > 1 {
            reasons.append("'credentialSubject' must be one object for sd-jwt, whose claims become selectively disclosable.")
        }
        let schemas = credential["credentialSchema"].map { $0.arrayValue ?? [$0] } ?? []
        let cpts = schemas.compactMap { $0["id"]?.stringValue }.filter { $0.hasPrefix(CPTIdentifier.prefix) }
        for id in cpts where CPTIdentifier(id) == nil {
            reasons.append("'credentialSchema' id \(id) is not \(CPTIdentifier.prefix)<number>:<version>.")
        }
        guard case .conforms(let version) = validation, reasons.isEmpty else { throw Refusal(reasons: reasons) }
        self.credential = credential
        self.version = version
        self.format = format
        credentialID = optionID?.stringValue ?? credential["id"]?.stringValue
        issuer = credential["issuer"]?.stringValue ?? credential["issuer"]?["id"]?.stringValue ?? ""
        self.cpts = cpts
        self.subjects = subjects
    }
}
