public import Chain
import Primitives

extension AuditOutcome {
    /// Sorts a request that must be refused into the HTTP statuses before anything is done with
    /// it: stale or badly signed is unauthenticated (401); an id that is not an admitted
    /// auditor is forbidden (403).
    /// - Parameters:
    ///   - request: the auditor's signed request.
    ///   - ledger: the node's block store (state: auditors; genesis: chain id).
    ///   - now: the judging time in milliseconds.
    /// - Returns: the refusal, or `nil` when the request is a fresh one signed by its auditor.
    public static func refusal(of request: SignedAuditRequest, ledger: any BlockStore, now: UInt64) -> AuditOutcome? {
        do {
            guard let chainId = try ledger.genesis()?.chainId else { return .unavailable("The node holds no chain.") }
            let skew = request.time > now ? request.time - now : now - request.time
            guard skew <= SignedAuditRequest.maximumClockSkewMilliseconds else {
                return .unauthorized("The audit request's time is more than 5 minutes from the node's clock; sign a fresh request.")
            }
            guard let bytes = try ledger.value(namespace: ChainNamespace.auditor, key: Array(request.auditor.utf8)) else {
                return .forbidden("'\(request.auditor)' is not an auditor of this chain.")
            }
            let record = try AuditorRecord(canonicalBytes: bytes)
            guard let key = try? Secp256k1PublicKey(Hex.decode(record.signingKey)),
                  let signature = try? Secp256k1ECDSASignature(compactRepresentation: request.signature),
                  key.isValidSignature(signature, forDigest: request.digest(chainId: chainId)) else {
                return .unauthorized("The audit request is not signed by auditor '\(request.auditor)'.")
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
    /// - Returns: the outcome; an answer is ``AuditAnswer/jsonValue``.
    public static func answering(_ request: SignedAuditRequest, with service: AuditService, ledger: any BlockStore, now: UInt64,
                                 submit: (Transaction) async throws -> TransactionReceipt) async -> AuditOutcome {
        if let refusal = refusal(of: request, ledger: ledger, now: now) { return refusal }
        do {
            return .answer(try await service.answer(request, submit: submit).jsonValue)
        } catch let error as ChainError {
            switch error.code {
            case .unauthorized: return .forbidden(error.reason)
            case .notFound: return .notFound(error.reason)
            case .invalidBody: return .bad(error.reason)
            default: return .unavailable("The audit query could not be recorded on the chain; it is not answered.")
            }
        } catch {
            return .unavailable("The audit query could not be recorded on the chain; it is not answered.")
        }
    }
}
