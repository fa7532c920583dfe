public import DID
public import Primitives

/// Verifies credentials in every supported format through one list of named checks: format,
/// issuer (resolution and key authorization), proof, validity, schema, accreditation,
/// status, evidence and holder binding. A failed check is part of the result; nothing here
/// throws.
///
/// ```swift
/// let verifier = CredentialVerifier(resolver: resolver, registry: ledger)
/// let result = await verifier.verify(.string(jwt), now: clock.nowMilliseconds())
/// if let credential = result.credential { … }     // only present when verified
/// ```
public struct CredentialVerifier: Sendable {
    /// Resolves issuer DIDs (did:chancery from the chain, did:key, …).
    public let resolver: any DIDResolver
    /// Registered schemas, accreditations, status lists and anchors.
    public let registry: any CredentialRegistry
    /// Which checks must apply.
    public var policy: VerificationPolicy
    /// The JSON-LD contexts RDFC proofs are read with: the bundled set, or it and an
    /// operator's pinned files.
    public var contexts: LinkedDataContexts
    /// Decoded keys of verification methods already seen: decoding a Multikey decompresses a
    /// curve point, which would otherwise be repeated for every credential of an issuer.
    let keys = VerificationKeyCache()

    /// Creates a verifier.
    /// - Parameters:
    ///   - resolver: resolves issuer DIDs.
    ///   - registry: the chain's schemas, accreditations, status lists and anchors.
    ///   - policy: which checks must apply.
    ///   - contexts: the JSON-LD contexts RDFC proofs are read with.
    public init(resolver: any DIDResolver, registry: any CredentialRegistry, policy: VerificationPolicy = .standard,
                contexts: LinkedDataContexts = .bundled) {
        self.resolver = resolver
        self.registry = registry
        self.policy = policy
        self.contexts = contexts
    }

    /// What a key-binding JWT must say, when the caller expects one (presentations).
    public struct KeyBindingExpectation: Sendable {
        /// The verifier's identifier the holder addressed (`aud`).
        public var audience: String
        /// The challenge the holder answered (`nonce`).
        public var nonce: String
        /// How old the key-binding JWT may be, in seconds.
        public var maxAge: UInt64

        /// Creates an expectation.
        public init(audience: String, nonce: String, maxAge: UInt64 = 300) {
            self.audience = audience
            self.nonce = nonce
            self.maxAge = maxAge
        }
    }

    /// Verifies one credential.
    ///
    /// The order bounds what an unsigned input can cost: the issuer's key and signature come
    /// first; an SD-JWT's Disclosures are processed only once the issuer's signature holds,
    /// and the checks that read registries or run schemas (schema, accreditation, status,
    /// evidence, holder binding) only once issuer and proof hold; otherwise they are reported
    /// not applicable with the code `notChecked`.
    /// - Parameters:
    ///   - input: a credential object with an embedded proof, or a JWT / SD-JWT string.
    ///   - now: the verification time, ms since 1970.
    ///   - keyBinding: for SD-JWT, what the key-binding JWT must say; `nil` when the
    ///     credential is checked on its own.
    /// - Returns: the checks; `credential` is set only when verified.
    public func verify(_ input: JSONValue, now: Int64, keyBinding: KeyBindingExpectation? = nil) async -> CredentialVerificationResult {
        var budget = PatternBudget()
        return await verify(input, now: now, keyBinding: keyBinding, patternBudget: &budget)
    }

    /// Verifies one credential of several checked for one request, drawing its schema pattern
    /// work from the request's budget (a presentation's credentials share one).
    package func verify(_ input: JSONValue, now: Int64, keyBinding: KeyBindingExpectation? = nil,
                        patternBudget: inout PatternBudget) async -> CredentialVerificationResult {
        let secured: SecuredCredential
        do { secured = try SecuredCredential.decode(input, canonicalForm: contexts.canonicalForm) } catch {
            return Self.malformed(error, checks: [])
        }
        var checks: [VerificationCheck] = [.passed(.format, "A well-formed \(secured.format.rawValue) credential (VC Data Model \(secured.credential.version == .v2 ? "2.0" : "1.1")).")]
        let issuerCheck = await issuerKey(of: secured)
        checks.append(issuerCheck.check)
        var proofCheck = proof(of: secured, key: issuerCheck.key, now: now)
        if proofCheck.outcome == .passed, !secured.otherProofs.isEmpty, let failure = await otherProofsFailure(of: secured, now: now) {
            proofCheck = failure
        }
        checks.append(proofCheck)
        guard let unproven = checks.first(where: { $0.outcome == .failed }) else {
            return await verifyProven(secured, checks: checks, now: now, keyBinding: keyBinding, patternBudget: &patternBudget)
        }
        let reason = "Not checked: the \(unproven.name.rawValue) check failed."
        var input = CredentialCheckInput(secured: secured, now: now, registry: registry, clockSkew: policy.clockSkew,
                                         keyBinding: keyBinding, budget: patternBudget)
        for check in policy.checks {
            checks.append(check.needsProvenCredential ? .notChecked(check.name, reason) : check.evaluate(&input))
        }
        // An SD-JWT's subjects still hold digests, not claims, until its Disclosures are processed.
        return CredentialVerificationResult(checks: checks.map(applyPolicy), credential: nil, format: secured.format.rawValue,
                                            issuer: secured.credential.issuer, claims: secured.pendingSDJWT == nil ? secured.credential.subjects : [])
    }

    /// The checks that run once the issuer's signature holds.
    private func verifyProven(_ proven: SecuredCredential, checks: [VerificationCheck], now: Int64,
                              keyBinding: KeyBindingExpectation?, patternBudget: inout PatternBudget) async -> CredentialVerificationResult {
        var checks = checks
        let secured: SecuredCredential
        do { secured = try proven.disclosingSDJWT() } catch {
            return Self.malformed(error, checks: Array(checks.dropFirst()))
        }
        var input = CredentialCheckInput(secured: secured, now: now, registry: registry, clockSkew: policy.clockSkew,
                                         keyBinding: keyBinding, budget: patternBudget)
        for check in policy.checks { checks.append(check.evaluate(&input)) }
        patternBudget = input.budget
        checks = checks.map(applyPolicy)
        let verified = !checks.contains { $0.outcome == .failed }
        let credential = verified ? VerifiedCredential(credential: secured.credential, issuer: secured.credential.issuer,
                                                       issuedAt: input.issuedAt(),
                                                       holderKey: secured.sdJWT?.holderKey) : nil
        return CredentialVerificationResult(checks: checks, credential: credential, format: secured.format.rawValue,
                                            issuer: secured.credential.issuer, claims: secured.credential.subjects)
    }
}
