public import Primitives

extension CredentialDraft {
    /// A draft from a credential a client wrote (the VC API issuer's input): every member is
    /// kept as given and in its order; only an `id` is added when there is none, and the
    /// node's status entries after any the credential lists.
    /// - Parameters:
    ///   - template: the client's credential, already checked against the data model.
    ///   - id: the `id` to give it when it has none.
    ///   - status: the allocated status entries.
    public init(template: JSONObject, id: String, status: [BitstringStatusListEntry]) {
        var json = template
        if json["id"] == nil { json["id"] = .string(id) }
        if !status.isEmpty {
            let allocated = status.map(\.jsonValue)
            switch json["credentialStatus"] {
            case .array(let given)?: json["credentialStatus"] = .array(given + allocated)
            case let given?: json["credentialStatus"] = .array([given] + allocated)
            case nil: json["credentialStatus"] = .array(allocated)
            }
        }
        self.init(json: json)
    }
}
