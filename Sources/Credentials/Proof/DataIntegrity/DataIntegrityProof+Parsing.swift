package import Primitives
internal import DID

extension DataIntegrityProof {
    /// Reads a `proof` object of a secured document.
    /// - Throws: `CredentialsError.invalidProof` for a missing or mistyped member, a `created`
    ///   or `expires` that is not a `dateTimeStamp`, another proof type or an unsupported
    ///   cryptosuite.
    package init(parsing object: JSONObject) throws {
        func string(_ name: String, required: Bool) throws -> String? {
            switch object[name] {
            case .string(let value)?: return value
            case nil where !required: return nil
            case nil: throw CredentialsError.invalidProof("The proof has no \(name).")
            default: throw CredentialsError.invalidProof("The proof's \(name) must be a string.")
            }
        }
        guard try string("type", required: true) == Self.type else {
            throw CredentialsError.invalidProof("The proof type must be \(Self.type).")
        }
        guard let name = try string("cryptosuite", required: true) else {
            throw CredentialsError.invalidProof("The proof has no cryptosuite.")
        }
        guard let cryptosuite = DataIntegrityCryptosuite(rawValue: name) else {
            throw CredentialsError.invalidProof("The cryptosuite \(name) is not supported; use eddsa-jcs-2022 or ecdsa-jcs-2019.")
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
        self.init(options: options, proofValue: try string("proofValue", required: true) ?? "")
    }
}
