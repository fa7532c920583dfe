import Node
import Chain
import ChainTestSupport
import Credentials
import DID
import Foundation
import HTTPServer
import KeyCustody
import Primitives

/// A backend for the HTTP tests: real DID resolution and audit service over a ``NodeFixture``
/// chain; credential objects get verdicts chosen by the test (verified when the credential's
/// `id` is `"good"`, not verified for `"bad"`, malformed otherwise) while compact JWT and
/// SD-JWT strings go to a real ``CredentialVerifier`` over `did:key` issuers; an optional gate
/// that holds verifications until the test opens it (for the concurrency limit and the
/// timeout), and one that holds the verifying thread itself (for the event-loop tests).
final class TestBackend: NodeBackend, @unchecked Sendable {
    let fixture: NodeFixture
    /// Verifications wait until this gate opens, when set (to test concurrency limits).
    let gate: Gate?
    /// Verifications block their thread on this gate, when set, as costly work would.
    let blocking: ThreadGate?
    /// The real verifier for JWT and SD-JWT strings, with one CPT whose pattern backtracks
    /// (registered before registration refused such patterns).
    let verifier: CredentialVerifier = {
        let registry = InMemoryCredentialRegistry()
        let schema: JSONValue = ["type": "object", "properties": ["codes": ["type": "array", "items": ["type": "string", "pattern": "^(a+)+$"]]]]
        if let schema = try? CredentialSchema(schema) { registry.register(schema: schema, id: CPTIdentifier(backtrackingCPT)!) }
        return CredentialVerifier(resolver: DIDKey.Resolver(), registry: registry)
    }()
    static let backtrackingCPT = "urn:chancery:cpt:1001:1"
    /// Where challenges come from, when set; otherwise every challenge is `c-1`.
    let challenges: InMemoryChallengeStore?
    private let lock = NSLock()
    private(set) var issued: [(JSONObject, String?)] = []
    /// How many verifications ran off the event loops (on the large-body verification thread).
    private(set) var offloaded = 0

    init(fixture: NodeFixture, gate: Gate? = nil, blocking: ThreadGate? = nil, challenges: InMemoryChallengeStore? = nil) {
        self.fixture = fixture
        self.gate = gate
        self.blocking = blocking
        self.challenges = challenges
    }

    var resolver: any DIDResolver { fixture.resolver }

    /// The node's real submission use case over the fixture's chain.
    private lazy var transactions = TransactionSubmission(node: fixture.chain.node, store: fixture.chain.store)

    func submitTransaction(_ wire: [UInt8], wait: Bool) async -> TransactionOutcome {
        await lock.withLock { transactions }.submit(wire: wire, wait: wait)
    }

    func transactionState(_ id: TransactionID) async throws -> TransactionState? {
        try lock.withLock { transactions }.state(of: id)
    }

    func finalBlocks(from height: UInt64, count: Int) async throws -> [Block] {
        try fixture.chain.node.finalBlocks(from: height, count: count)
    }

    func certifyOneTimeKeys(_ request: OneTimeKeyRequest) async -> CertificationOutcome {
        OneTimeKeyCertification(service: fixture.chain.membershipService, clock: fixture.chain.clock).certify(request)
    }

    func verifyCredential(_ input: JSONValue, options: VerificationOptions) async -> VerificationVerdict {
        if VerificationOffload.isCurrent { lock.withLock { offloaded += 1 } }
        blocking?.hold()
        await hold()
        if input.stringValue != nil { return VerificationVerdict(await verifier.verify(input, now: 1_780_000_000_000)) }
        return Self.verdict(input)
    }

    func verifyPresentation(_ input: JSONValue, options: VerificationOptions) async -> VerificationVerdict {
        await hold()
        guard options.challenge == "c-1" else {
            return .notVerified(checks: [["check": "challenge", "verified": false]],
                                errors: [["check": "challenge", "detail": "The presentation's challenge is not the one issued."]], extra: [:])
        }
        return Self.verdict(input)
    }

    func createChallenge() async -> String? {
        guard let challenges else { return "c-1" }
        return try? challenges.issue(now: 0)
    }

    func issueCredential(_ credential: JSONObject, options: JSONObject, bearer: String?) async -> IssueOutcome {
        await hold()
        guard let bearer else { return .unauthorized("Send the issuer account's bearer token.") }
        guard bearer == "issuer-token" || bearer == "reader-token" else { return .unauthorized("The bearer token is not an issuer token of this node.") }
        guard bearer == "issuer-token" else { return .forbidden("This account may not issue credentials.") }
        guard credential["credentialSubject"] != nil else { return .rejected("The credential has no credentialSubject.") }
        if credential["credentialSubject"]?["busy"] == .bool(true) { return .unavailable("Another batch took the indexes; try again.") }
        lock.withLock { issued.append((credential, bearer)) }
        var signed = credential
        signed["proof"] = ["type": "DataIntegrityProof"]
        return .issued(.object(signed))
    }

    func updateStatus(_ request: StatusChangeRequest, bearer: String?) async -> StatusOutcome {
        guard bearer == "issuer-token" else { return .unauthorized("Send the issuer account's bearer token.") }
        let id = request.credentialId
        if id == "urn:uuid:busy" { return .unavailable("Other changes of this index kept landing first; try again.") }
        return id == "urn:uuid:known" ? .updated(request, transactionId: String(repeating: "0", count: 64))
            : .notFound("No credential \(id) was issued here.")
    }

    func statusListCredential(id: String) async -> JSONValue? {
        id == "list-1" ? ["id": "https://node.example/status-lists/list-1", "type": ["VerifiableCredential", "BitstringStatusListCredential"]] : nil
    }

    func audit(_ request: SignedAuditRequest) async -> AuditOutcome {
        await AuditOutcome.answering(request, with: fixture.service, ledger: fixture.chain.store,
                                     now: fixture.chain.clock.nowMilliseconds()) { [fixture] in try await fixture.chain.node.submit($0) }
    }

    func health() async -> NodeHealth {
        let head = fixture.chain.node.head
        return NodeHealth(chainId: fixture.chain.chainId, height: head.height, headHash: Hex.encode(head.hash),
                          blocksCommitted: fixture.chain.node.statistics.blocks, lastCommitSeconds: 0.002)
    }

    private func hold() async {
        if let gate { await gate.wait() }
    }

    private static func verdict(_ input: JSONValue) -> VerificationVerdict {
        switch input["id"]?.stringValue {
        case "good": .verified(checks: [["check": "proof", "verified": true]], extra: ["credentialId": "good"])
        case "bad": .notVerified(checks: [["check": "proof", "verified": false]],
                                 errors: [["check": "proof", "detail": "The signature does not verify."]], extra: [:])
        default: .malformed("The input is not a credential this test knows.")
        }
    }
}

/// A one-shot barrier: `wait()` suspends until `open()`; `waiting` counts who is held.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    var waiting: Int { waiters.count }

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        waiters.forEach { $0.resume() }
        waiters = []
    }
}
