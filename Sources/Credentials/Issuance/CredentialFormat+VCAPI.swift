public import Primitives

extension CredentialFormat {
    /// The media type of an enveloped credential in this format; `nil` for Data Integrity,
    /// whose credentials carry their proof inside.
    public var envelopeMediaType: String? {
        switch self {
        case .jwt: "application/vc+jwt"
        case .sdJWT: "application/vc+sd-jwt"
        case .diEdDSA, .diECDSA, .diEdDSARDFC, .diECDSARDFC: nil
        }
    }

    /// What the VC API issuer answers in `verifiableCredential` for a credential secured in
    /// this format ([VC API, issue credential](https://w3c-ccg.github.io/vc-api/#issue-credential)):
    /// a JOSE token inside an `EnvelopedVerifiableCredential` whose `id` is a `data:` URL
    /// ([VCDM 2.0 §4.13](https://www.w3.org/TR/vc-data-model-2.0/#enveloped-verifiable-credentials)),
    /// or the Data Integrity credential itself.
    /// - Parameter secured: what ``CredentialIssuer/secure(_:)`` returned.
    /// - Returns: the answer's credential.
    public func vcAPIAnswer(_ secured: JSONValue) -> JSONValue {
        guard let mediaType = envelopeMediaType, let token = secured.stringValue else { return secured }
        return ["@context": [.string(DataModelVersion.v2.rawValue)], "id": .string("data:\(mediaType),\(token)"),
                "type": "EnvelopedVerifiableCredential"]
    }
}
