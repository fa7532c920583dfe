import Primitives

extension SignedAuditRequest {
    /// How far a request's time may be from the clock that judges it.
    public static let maximumClockSkewMilliseconds = ClockSkew.maximumMilliseconds

    /// The checks both the audit service and the `audit.query` handler make: a fresh request,
    /// by an admitted auditor, signed with its registered key, asking within its scope.
    /// - Parameters:
    ///   - chainId: the chain's id, part of the signed digest.
    ///   - state: committed state (namespaces `auditor` and `auditScope`).
    ///   - now: the judging time (service clock or block time) in milliseconds.
    /// - Returns: the scope the answer is limited to: the query's own, or the auditor's.
    /// - Throws: `ChainError.unauthorized` naming the failed check.
    package func authorize(chainId: String, state: any StateReader, now: UInt64) throws -> AuditorScope {
        guard ClockSkew.isAcceptable(time, at: now) else {
            throw ChainError.unauthorized("The audit request's time is more than 5 minutes from the clock; sign a fresh request.")
        }
        guard let bytes = try state.value(namespace: ChainNamespace.auditor, key: Array(auditor.utf8)) else {
            throw ChainError.unauthorized("'\(auditor)' is not an auditor of this chain.")
        }
        let record = try AuditorRecord(canonicalBytes: bytes)
        guard let key = try? Secp256k1PublicKey(Hex.decode(record.signingKey)),
              let parsed = try? Secp256k1ECDSASignature(compactRepresentation: signature),
              key.isValidSignature(parsed, forDigest: digest(chainId: chainId)) else {
            throw ChainError.unauthorized("The audit request is not signed by auditor '\(auditor)'.")
        }
        let allowed = try AuditScopeExecutor.scope(of: auditor, in: state)
        let scope = query.scope ?? allowed
        guard scope.isWithin(allowed) else {
            throw ChainError.unauthorized("The query asks beyond the scope granted to auditor \(auditor).")
        }
        // The log lists audit.query transactions, so it is a query of that type.
        if case .log = query.kind, !(scope.types?.contains(.auditQuery) ?? true) {
            throw ChainError.unauthorized(query.scope == nil
                ? "The scope granted to auditor \(auditor) does not include the audit log (type audit.query)."
                : "The audit log lists audit.query transactions; the query's scope must include that type.")
        }
        return scope
    }
}
