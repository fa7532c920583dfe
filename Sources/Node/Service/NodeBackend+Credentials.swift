package import Chain
package import Primitives

/// The node's credential endpoints, answered by its ``NodeCredentialService``.
extension ChainNodeBackend {
    package func verifyCredential(_ input: JSONValue, options: VerificationOptions) async -> VerificationVerdict {
        await credentials.verifyCredential(input, options: options)
    }

    package func verifyPresentation(_ input: JSONValue, options: VerificationOptions) async -> VerificationVerdict {
        await credentials.verifyPresentation(input, options: options)
    }

    package func createChallenge() async -> String? { credentials.createChallenge() }

    package func issueCredential(_ credential: JSONObject, options: JSONObject, bearer: String?) async -> IssueOutcome {
        credentialMetrics.recorded(await credentials.issueCredential(credential, options: options, bearer: bearer))
    }

    package func updateStatus(_ request: StatusChangeRequest, bearer: String?) async -> StatusOutcome {
        credentialMetrics.recorded(await credentials.updateStatus(request, bearer: bearer))
    }

    package func statusListCredential(id: String) async -> JSONValue? { credentials.statusListCredential(id: id) }

    package func openSession(username: String, password: SecureBytes) async -> SessionOutcome {
        await credentials.openSession(username: username, password: password)
    }

    package func closeSession(bearer: String) async -> Bool { credentials.sessions.close(bearer) }
}
