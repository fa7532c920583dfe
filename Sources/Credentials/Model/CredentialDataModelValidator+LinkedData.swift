internal import LinkedData
import Primitives

extension CredentialDataModelValidator {
    /// What JSON-LD processing of a VC 2.0 credential decides (`specs/credentials.md` §2.1):
    /// - a context JSON-LD 1.1 rejects, such as one redefining a term the VC 2.0 context
    ///   protects (`VerifiableCredential`), or mapping a term to something that is not an IRI,
    ///   is a violation of `@context` ([VCDM 2.0 §4.3](https://www.w3.org/TR/vc-data-model-2.0/#contexts));
    /// - a `type` value that maps to no absolute URL is a violation of `type`
    ///   ([§4.5](https://www.w3.org/TR/vc-data-model-2.0/#types): types are URLs, mapped by the
    ///   contexts; the final VC 2.0 context has no `@vocab`, so a type it does not define needs
    ///   an embedded context, a context URL that defines it, or the VCDM's undefined-terms
    ///   context). Other undefined members are not refused here: a JOSE format signs them as
    ///   JSON, and an RDFC format refuses them when signing, naming the member.
    ///
    /// A context outside ``contexts`` leaves these points undecided (nothing is fetched).
    func linkedData(_ credential: JSONObject, into violations: inout [DataModelViolation]) {
        let dropped: [String]
        do {
            dropped = try contexts.canonicalForm.processor.droppedTerms(in: .object(credential))
        } catch let error as LinkedDataError where error.code == .invalidJSONLD {
            let code = error.jsonLDErrorCode.map { " (\($0))" } ?? ""
            violations.append(.init(member: "@context", reason: "JSON-LD processing of '@context' fails\(code): \(error.reason)"))
            return
        } catch {
            return
        }
        let types = (credential["type"]?.arrayValue ?? credential["type"].map { [$0] } ?? []).compactMap(\.stringValue)
        for type in types where dropped.contains(type) {
            violations.append(.init(member: "type", reason: "The type '\(type)' is not mapped to a URL by the credential's '@context': use a URL, define it in an embedded context or a context URL, or add https://www.w3.org/ns/credentials/undefined-terms/v2."))
        }
    }
}
