import Chain
import HTTPServer
import Primitives

/// The node's credential endpoints, answered by its ``NodeCredentialService``.
extension ChainNodeBackend {
    func verifyCredential(_ input: JSONValue, options: JSONObject) async -> VerificationVerdict {
        await credentials.verifyCredential(input, options: options)
    }

    func verifyPresentation(_ input: JSONValue, options: JSONObject) async -> VerificationVerdict {
        await credentials.verifyPresentation(input, options: options)
    }

    func createChallenge() async -> String? { credentials.createChallenge() }

    func issueCredential(_ credential: JSONObject, options: JSONObject, bearer: String?) async -> IssueOutcome {
        await credentials.issueCredential(credential, options: options, bearer: bearer)
    }

    func updateStatus(_ request: JSONObject, bearer: String?) async -> StatusOutcome {
        await credentials.updateStatus(request, bearer: bearer)
    }

    func statusListCredential(id: String) async -> JSONValue? { credentials.statusListCredential(id: id) }
}
