package import Chain
package import Credentials
package import DID
package import Foundation
package import KeyCustody
package import Primitives

/// The node's credential endpoints over the Credentials module: one verifier (with its
/// resolver and schema caches), the single-use challenge store, issuance for accounts that
/// present an issuer token, and status lists served from chain state.
package final class NodeCredentialService: @unchecked Sendable {
    package let runtime: NodeRuntime
    package let challenges = InMemoryChallengeStore()
    /// Log-in sessions of full-custody accounts, whose keys are unlocked for the session only.
    package let sessions = AccountSessions()
    private let standard: CredentialVerifier
    private let accredited: CredentialVerifier
    private let tokens: IssuerTokens

    package init(runtime: NodeRuntime) {
        self.runtime = runtime
        standard = runtime.credentialVerifier(policy: .standard)
        accredited = CredentialVerifier(resolver: standard.resolver, registry: standard.registry, policy: .accredited)
        tokens = IssuerTokens(directory: runtime.directory)
    }

    private var now: Int64 { Int64(runtime.clock.nowMilliseconds()) }

    /// The verifier of the options' policy.
    private func verifier(_ options: VerificationOptions) -> CredentialVerifier {
        switch options.policy {
        case .standard: standard
        case .accredited: accredited
        }
    }

    package func verifyCredential(_ input: JSONValue, options: VerificationOptions) async -> VerificationVerdict {
        VerificationVerdict(await verifier(options).verify(input, now: now))
    }

    package func verifyPresentation(_ input: JSONValue, options: VerificationOptions) async -> VerificationVerdict {
        let presentations = PresentationVerifier(credentials: verifier(options), challenges: challenges)
        return VerificationVerdict(await presentations.verify(input, challenge: options.challenge, domain: options.domain, now: now))
    }

    /// Who a bearer token acts as: an account by an issuer token (its keys unlocked by the
    /// node's own secret), or a logged-in account with its session's keys.
    private struct Principal {
        let account: String
        /// The session's custody; `nil` for an issuer token.
        let custody: AccountCustody?
    }

    /// The principal a bearer token acts as, or the sentence of its 401: `missing` when there is
    /// no token, else whether it expired or is not the node's.
    private func principal(_ bearer: String?, missing: String) -> (principal: Principal?, refusal: String) {
        guard let bearer else { return (nil, missing) }
        if AccountSessions.isSessionToken(bearer) {
            switch sessions.lookup(bearer, now: now) {
            case .session(let session): return (Principal(account: session.account, custody: session.custody), "")
            case .expired: return (nil, Self.expiredSession)
            case .unknown: return (nil, Self.unknownSession)
            }
        }
        switch tokens.lookup(bearer, now: now) {
        case .account(let name): return (Principal(account: name, custody: nil), "")
        case .expired: return (nil, Self.expiredToken)
        case .unknown: return (nil, Self.unknownToken)
        }
    }

    /// The principal's DID, signer (of a key that can sign `format`) and custody: from its
    /// session, or unlocked by the node.
    private func signer(_ principal: Principal, format: CredentialFormat = .jwt) async throws
        -> (did: DID, signer: CustodianSigner, custody: AccountCustody)
    {
        guard let custody = principal.custody else { return try await runtime.credentialSigner(account: principal.account, format: format) }
        return try await runtime.credentialSigner(custody: custody, format: format)
    }

    /// A fresh challenge, or `nil` when the store is full (answered 429).
    package func createChallenge() -> String? { try? challenges.issue(now: now) }

    /// VC API issue: the bearer token names an issuing account; the body's credential is
    /// checked against the VC Data Model (``IssueRequest``), must name that account's DID as its
    /// `issuer`, and is kept member for member; the node adds an `id` when it has none, its
    /// status entries and anchor evidence, and secures it in `options.format` (jwt by default).
    package func issueCredential(_ credential: JSONObject, options: JSONObject, bearer: String?) async -> IssueOutcome {
        let (principal, refusal) = principal(bearer, missing: "Send an issuer token: \(Self.tokenHint)")
        guard let principal else { return .unauthorized(refusal) }
        let account = principal.account
        let request: IssueRequest
        do {
            request = try IssueRequest(credential: credential, options: options, contexts: runtime.contexts)
        } catch {
            return .malformed(error.reason)
        }
        do {
            let (did, signer, custody) = try await signer(principal, format: request.format)
            guard request.issuer == did.description else {
                return .rejected("'issuer' is \(request.issuer), but the token acts for \(did); a credential is issued only as the authenticated account's DID.")
            }
            return .issued(try await runtime.issue(request, did: did, signer: signer, custody: custody))
        } catch let failure as NodeError where failure.isRefusal {
            return .rejected(failure.message)
        } catch let error as ChainError where error.code == .unavailable || error.isStorageUnavailable {
            // An allocation conflict inside the node is not the client's fault: 503, try again.
            return .unavailable(error.reason)
        } catch let error as CredentialsError {
            return .rejected(error.reason)
        } catch let error as ChainError where error.isRefusal {
            return .rejected("The credential could not be issued: \(error.reason)")
        } catch let error as KeyCustodyError where error.code == .lockedOut {
            return .throttled(Self.backingOff, retryAfterSeconds: Self.seconds(error.retryAfter))
        } catch {
            // The node's own failure (keystore, files, storage): its detail names server paths.
            return .failed("Issuing as account '\(account)' failed: \(error)")
        }
    }

    /// `POST /credentials/status`: `{"credentialId", "purpose": "revocation"|"suspension",
    /// "value": true|false}`, by the issuer's token.
    package func updateStatus(_ request: StatusChangeRequest, bearer: String?) async -> StatusOutcome {
        let (principal, refusal) = principal(bearer, missing: "Send the issuer's token: \(Self.tokenHint)")
        guard let principal else { return .unauthorized(refusal) }
        let account = principal.account
        let (id, purpose, value) = (request.credentialId, request.purpose.rawValue, request.value)
        do {
            guard let entry = try IssuedCredentialIndex(directory: runtime.directory).entries(of: id)?.first(where: { $0.purpose == purpose }) else {
                return .notFound("This node issued no credential \(id) with a \(purpose) entry.")
            }
            let (did, _, custody) = try await signer(principal)
            let receipt = try await runtime.submitStatusUpdate(did: did, list: entry.list, index: entry.index, value: value, signer: custody)
            return .updated(request, transactionId: receipt.transactionId.description)
        } catch let error as ChainError where error.isRefusal {
            // The chain refused it: the token's account does not hold this status list.
            return .forbidden("The status change was refused: \(error.reason)")
        } catch let failure as NodeError where failure.isRefusal {
            return .forbidden(failure.message)
        } catch let error as ChainError where error.code == .unavailable || error.isStorageUnavailable {
            return .unavailable(error.reason)
        } catch let error as KeyCustodyError where error.code == .lockedOut {
            return .throttled(Self.backingOff, retryAfterSeconds: Self.seconds(error.retryAfter))
        } catch {
            return .failed("Changing a status as account '\(account)' failed: \(error)")
        }
    }

    /// A status list as a `BitstringStatusListCredential` from chain state. It carries no
    /// issuer proof: the chain, where only the issuer can change it, is its authority.
    package func statusListCredential(id: String) -> JSONValue? {
        guard let record = try? runtime.credentialRegistry().statusList(id: id) else { return nil }
        return ["@context": [.string(DataModelVersion.v2.rawValue)], "id": .string(id),
                "type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": .string(record.issuer.description),
                "credentialSubject": ["id": .string(id + "#list"), "type": "BitstringStatusList",
                                      "statusPurpose": .string(record.purpose.rawValue), "encodedList": .string(record.list.encodedList)]]
    }
}
