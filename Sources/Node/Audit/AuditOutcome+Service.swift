public import Chain
import Primitives

extension AuditOutcome {
    /// The one answer to a request that is not signed by an admitted auditor: an unknown id and
    /// a known id with a bad signature are told apart by nothing, so ids cannot be enumerated.
    static let notSignedByAnAuditor = "The audit request is not signed by an auditor of this chain; sign it with the auditor's registered key."

    /// Checks the signature of a request whose auditor is unknown against this key instead, so
    /// that both refusals cost the same signature verification.
    private static let standInKey = Secp256k1PrivateKey().publicKey

    /// Sorts a request that must be refused into the HTTP statuses before anything is done with
    /// it: stale, badly signed or naming no admitted auditor is unauthenticated (401, one
    /// answer for all of these); already recorded on the chain is a replay (409).
    /// - Parameters:
    ///   - request: the auditor's signed request.
    ///   - ledger: the node's block store (state: auditors, recorded queries; genesis: chain id).
    ///   - now: the judging time in milliseconds.
    /// - Returns: the refusal, or `nil` when the request is a fresh one signed by its auditor.
    public static func refusal(of request: SignedAuditRequest, ledger: any BlockStore, now: UInt64) -> AuditOutcome? {
        do {
            guard let chainId = try ledger.genesis()?.chainId else { return .unavailable("The node holds no chain.") }
            guard ClockSkew.isAcceptable(request.time, at: now) else {
                return .unauthorized("The audit request's time is more than 5 minutes from the node's clock; sign a fresh request.")
            }
            let record = try ledger.value(namespace: ChainNamespace.auditor, key: Array(request.auditor.utf8))
                .map { try AuditorRecord(canonicalBytes: $0) }
            let key = record.flatMap { try? Secp256k1PublicKey(Hex.decode($0.signingKey)) }
            let digest = request.digest(chainId: chainId)
            let signed = (try? Secp256k1ECDSASignature(compactRepresentation: request.signature))
                .map { (key ?? standInKey).isValidSignature($0, forDigest: digest) } ?? false
            guard key != nil, signed else { return .unauthorized(notSignedByAnAuditor) }
            guard try ledger.value(namespace: AuditQueryHandler.namespace, key: digest) == nil else {
                return .conflict("This audit request was already answered and recorded; sign a new one (with the current time) to ask again.")
            }
            return nil
        } catch {
            return .unavailable("The node's state could not be read; try again.")
        }
    }

    /// Answers a signed request through the audit service after ``refusal(of:ledger:now:)``
    /// lets it through; the service repeats every check, and a query beyond the auditor's
    /// scope is forbidden (403).
    /// - Parameters:
    ///   - request: the auditor's signed request.
    ///   - service: the audit service over the node's ledger and the auditor's index.
    ///   - ledger: the node's block store.
    ///   - now: the judging time in milliseconds.
    ///   - submit: commits the `audit.query` record (the node's `submit`).
    /// - Returns: the outcome; HTTPServer writes an answer as JSON.
    public static func answering(_ request: SignedAuditRequest, with service: AuditService, ledger: any BlockStore, now: UInt64,
                                 submit: (Transaction) async throws -> TransactionReceipt) async -> AuditOutcome {
        if let refusal = refusal(of: request, ledger: ledger, now: now) { return refusal }
        do {
            return .answer(try await service.answer(request, submit: submit))
        } catch let error as ChainError {
            switch error.code {
            case .unauthorized: return .forbidden(error.reason)
            case .notFound: return .notFound(error.reason)
            case .invalidBody: return .bad(error.reason)
            // The same request sent twice at once: the second to commit finds the first's record.
            case .alreadyExists: return .conflict("This audit request was already answered and recorded; sign a new one to ask again.")
            default: return .unavailable("The audit query could not be recorded on the chain; it is not answered.")
            }
        } catch let error as NodeError {
            return .unavailable("The audit query could not be recorded on the chain (\(error.message)); it is not answered.")
        } catch {
            return .unavailable("The audit query could not be recorded on the chain; it is not answered.")
        }
    }
}
