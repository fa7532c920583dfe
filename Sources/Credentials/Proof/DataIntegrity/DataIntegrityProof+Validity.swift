internal import DID

extension DataIntegrityProof {
    /// How far in the future a proof's `created` may lie, in milliseconds: five minutes, for a
    /// signer whose clock runs ahead of the verifier's. A proof made later than that is refused.
    public static let createdClockSkew: Int64 = 300_000

    /// Checks `created` and `expires` (W3C VC Data Integrity §2.1) against the verification
    /// time: a proof made in the future, or past its `expires`, does not hold.
    /// - Parameters:
    ///   - now: the verification time, ms since 1970.
    ///   - clockSkew: the verifier's allowed skew, ms; `created` is also given
    ///     ``createdClockSkew``, whichever is larger.
    /// - Returns: `nil` when both times hold, else a reason code (`proofCreatedInFuture`,
    ///   `proofExpired`) and a sentence.
    package func timeFailure(at now: Int64, clockSkew: Int64) -> (code: String, reason: String)? {
        // The parser accepted only date-times of years 1–9999, so the milliseconds and the
        // sums below stay far from overflow; a time that does not parse holds no bound.
        func milliseconds(_ text: String?) -> Int64? { text.flatMap(DIDDateTime.init(parsing:)).map { $0.secondsSince1970 * 1000 } }
        let skew = max(0, clockSkew)
        let latest = now.addingReportingOverflow(max(skew, Self.createdClockSkew))
        if let created = milliseconds(options.created), !latest.overflow, created > latest.partialValue {
            return ("proofCreatedInFuture", "The proof was created at \(options.created ?? ""), after the verification time: it cannot have been made yet.")
        }
        let earliest = now.subtractingReportingOverflow(skew)
        if let expires = milliseconds(options.expires), !earliest.overflow, earliest.partialValue >= expires {
            return ("proofExpired", "The proof expired at \(options.expires ?? "").")
        }
        return nil
    }
}
