package import Primitives
internal import DID

extension DataIntegrityProof {
    /// Reads a `proof` object of a secured document.
    /// - Throws: `CredentialsError.invalidProof` for a missing or mistyped member, a `created`
    ///   or `expires` that is not a `dateTimeStamp`, or a proof type or cryptosuite that is
    ///   not supported.
    package init(parsing object: JSONObject) throws {
        func string(_ name: String, required: Bool) throws -> String? {
            switch object[name] {
            case .string(let value)?: return value
            case nil where !required: return nil
            case nil: throw CredentialsError.invalidProof("The proof has no \(name).")
            default: throw CredentialsError.invalidProof("The proof's \(name) must be a string.")
            }
        }
        guard let type = try string("type", required: true) else { throw CredentialsError.invalidProof("The proof has no type.") }
        let name = try string("cryptosuite", required: type == Self.type)
        guard let cryptosuite = DataIntegrityCryptosuite(type: type, cryptosuite: name) else {
            let supported = DataIntegrityCryptosuite.allCases.filter { !$0.isLegacyProofType }.map(\.rawValue).joined(separator: ", ")
            if type == Self.type {
                throw CredentialsError.invalidProof("The cryptosuite \(name ?? "") is not supported; use one of \(supported).")
            }
            throw CredentialsError.invalidProof("The proof type \(type) is not supported; use DataIntegrityProof (\(supported)), Ed25519Signature2020 or Ed25519Signature2018.")
        }
        let options = Options(
            cryptosuite: cryptosuite,
            created: try string("created", required: false),
            verificationMethod: try string("verificationMethod", required: true) ?? "",
            proofPurpose: try string("proofPurpose", required: true) ?? "",
            challenge: try string("challenge", required: false),
            domain: try string("domain", required: false),
            context: object["@context"],
            expires: try string("expires", required: false))
        for (name, text) in [("created", options.created), ("expires", options.expires)] {
            if let text, DIDDateTime(parsing: text) == nil {
                throw CredentialsError.invalidProof("The proof's \(name) must be a date-time with a time zone such as 2026-01-01T00:00:00Z.")
            }
        }
        let signatureMember = cryptosuite == .ed25519Signature2018 ? "jws" : "proofValue"
        self.init(options: options, proofValue: try string(signatureMember, required: true) ?? "")
    }
}
