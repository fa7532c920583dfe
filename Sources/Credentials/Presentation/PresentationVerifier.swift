public import DID
public import Primitives

/// Verifies presentations: the holder's signature with a key from the holder's
/// `authentication`, a fresh single-use challenge and the expected domain, holder binding to
/// every credential's subject, and each credential through ``CredentialVerifier``.
///
/// Forms: a `vp+jwt` (or VC 1.1 `vp`-claim) JWT, a Data Integrity presentation (proofPurpose
/// `authentication`), or an SD-JWT with a key-binding JWT (one credential, disclosed in part).
public struct PresentationVerifier: Sendable {
    /// Verifies the embedded credentials.
    public let credentials: CredentialVerifier
    /// Where challenges were issued and are consumed.
    public let challenges: any ChallengeStore

    /// Creates a verifier.
    public init(credentials: CredentialVerifier, challenges: any ChallengeStore) {
        self.credentials = credentials
        self.challenges = challenges
    }

    /// Verifies one presentation.
    /// - Parameters:
    ///   - input: the JWT / SD-JWT text or the presentation object.
    ///   - challenge: the challenge this verifier issued for it; it is consumed only when the
    ///     holder's proof holds, so a forged submission cannot burn a holder's challenge.
    ///   - domain: the domain the holder must have addressed, or `nil`.
    ///   - now: ms since 1970.
    public func verify(_ input: JSONValue, challenge: String?, domain: String?, now: Int64) async -> PresentationVerificationResult {
        if case .string(let text) = input, SecuredCredential.hasTilde(text) {
            return await verifySDJWT(text, challenge: challenge, domain: domain, now: now)
        }
        let envelope: PresentationEnvelope
        do { envelope = try PresentationEnvelope.decode(input, canonicalForm: credentials.contexts.canonicalForm) } catch {
            let reason = (error as? CredentialsError)?.reason ?? "The presentation cannot be read."
            return PresentationVerificationResult(checks: [.failed(.format, (error as? CredentialsError)?.code.name ?? "invalidPresentation", reason)],
                                                  credentials: [], holder: nil)
        }
        var checks: [VerificationCheck] = [.passed(.format, "A well-formed \(envelope.format) presentation.")]
        let proof = await holderProof(envelope, now: now)
        checks.append(proof)
        checks.append(challengeCheck(received: envelope.challenge, receivedDomain: envelope.domain, expected: challenge,
                                     domain: domain, proofHolds: proof.outcome == .passed, now: now))
        var results: [CredentialVerificationResult] = []
        // One pattern budget for the whole request, however many credentials it carries.
        var budget = PatternBudget()
        for credential in envelope.presentation.credentials {
            results.append(await credentials.verify(credential, now: now, patternBudget: &budget))
        }
        checks.append(binding(holder: envelope.holder, results: results))
        return PresentationVerificationResult(checks: checks, credentials: results, holder: envelope.holder)
    }

    /// An SD-JWT presentation: the key-binding JWT is the holder's proof and carries the challenge.
    private func verifySDJWT(_ text: String, challenge: String?, domain: String?, now: Int64) async -> PresentationVerificationResult {
        guard let challenge else {
            return PresentationVerificationResult(checks: [.failed(.challenge, "missingChallenge", "An SD-JWT presentation is verified against a challenge; none was given.")],
                                                  credentials: [], holder: nil)
        }
        let expectation = CredentialVerifier.KeyBindingExpectation(audience: domain ?? "", nonce: challenge)
        let result = await credentials.verify(.string(text), now: now, keyBinding: expectation)
        let binding = result.checks.first { $0.name == .holderBinding }
        var checks: [VerificationCheck] = [result.isMalformed ? result.checks[0] : .passed(.format, "A well-formed SD-JWT presentation.")]
        let bound = binding?.outcome == .passed
        checks.append(bound ? .passed(.proof, "The key-binding JWT is signed by the key the credential binds.")
                            : .failed(.proof, binding?.code ?? "keyBindingMissing", binding?.reason ?? "No key-binding JWT."))
        checks.append(challengeCheck(received: bound ? challenge : nil, receivedDomain: domain, expected: challenge, domain: domain,
                                     proofHolds: bound, now: now))
        return PresentationVerificationResult(checks: checks, credentials: [result], holder: nil)
    }

    /// The challenge the holder signed must be the one expected, for the expected domain, and
    /// unused; it is consumed here.
    func challengeCheck(received: String?, receivedDomain: String?, expected: String?, domain: String?, proofHolds: Bool, now: Int64) -> VerificationCheck {
        guard let expected else {
            return .failed(.challenge, "missingChallenge", "No challenge was given to check; ask POST /challenges (or `didctl presentation challenge`) for one.")
        }
        guard received == expected else {
            return .failed(.challenge, "challengeMismatch", "The presentation answers challenge '\(received ?? "none")', not the one expected.")
        }
        if let domain, receivedDomain != domain {
            return .failed(.challenge, "domainMismatch", "The presentation is for domain '\(receivedDomain ?? "none")', not '\(domain)'.")
        }
        guard proofHolds else { return .failed(.challenge, "unproven", "The challenge is not consumed because the holder's proof does not hold.") }
        let verdict: ChallengeVerdict
        do { verdict = try challenges.consume(expected, now: now) } catch {
            return .failed(.challenge, "challengeStoreUnavailable", "The challenge store could not be read: \(error).")
        }
        switch verdict {
        case .fresh: return .passed(.challenge, "A fresh challenge, now used\(domain.map { ", for domain \($0)" } ?? "").")
        case .unknown: return .failed(.challenge, "unknownChallenge", "This verifier never issued that challenge.")
        case .used: return .failed(.challenge, "challengeReused", "The challenge was already answered once: this is a replay.")
        case .expired: return .failed(.challenge, "challengeExpired", "The challenge expired; ask for a new one.")
        }
    }

    /// Every credential's subject must be the holder, when the policy binds the holder
    /// (``VerificationPolicy/bindsHolder``); otherwise the same finding is reported as not
    /// applicable, with its code, and does not fail the presentation.
    func binding(holder: String?, results: [CredentialVerificationResult]) -> VerificationCheck {
        let finding = Self.holderFinding(holder: holder, results: results)
        guard finding.outcome == .failed, !credentials.policy.bindsHolder else { return finding }
        return VerificationCheck(.holderBinding, .notApplicable, code: finding.code,
                                 reason: finding.reason + " The policy does not require holder binding (the accredited policy does).")
    }

    private static func holderFinding(holder: String?, results: [CredentialVerificationResult]) -> VerificationCheck {
        guard let holder else { return .failed(.holderBinding, "noHolder", "The presentation names no holder to bind the credentials to.") }
        guard !results.isEmpty else { return .failed(.holderBinding, "noCredentials", "The presentation carries no credentials.") }
        for (index, result) in results.enumerated() {
            let subjects = result.claims.compactMap { $0["id"]?.stringValue }
            guard subjects.contains(holder) else {
                return .failed(.holderBinding, "subjectNotHolder", "Credential \(index)'s subject is \(subjects.first ?? "unnamed"), not the holder \(holder).")
            }
        }
        return .passed(.holderBinding, "The holder \(holder) is the subject of every credential.")
    }
}
