import Chain
import ChainTestSupport
import Foundation
import KeyCustody
import Primitives

/// A ``ChainFixture`` with what auditing needs: an auditor `regulator` admitted by the
/// committee with a signing key the tests hold, a member `office` whose one-time keys submit
/// the audit records (and later governance approvals), an index over the fixture's auditor
/// key, and the audit service. Admitting `office` is alice's transaction ``aliceSetup``.
final class AuditFixture: @unchecked Sendable {
    let chain: ChainFixture
    let auditor = "regulator"
    let signingKey = Secp256k1PrivateKey()
    let index: AuditIndex
    let service: AuditService
    private(set) var aliceSetup: [TransactionID] = []

    init(index store: any AuditIndexStore = InMemoryAuditIndexStore()) async throws {
        let chain = try ChainFixture()
        self.chain = chain
        index = AuditIndex(store: store, keys: chain.auditorKey)
        service = AuditService(ledger: chain.store, index: index, clock: chain.clock) {
            try await chain.oneTimeKeys("office", count: 1)[0]
        }
        let office = chain.custodian.generate(KeyReference("office"))
        aliceSetup = [try await govern(chain.admission("audit office", publicKey: office), submitter: "alice")]
        try await govern(GovernanceAction(kind: "admitAuditor", parameters: [
            "id": .string(auditor), "encryptionKey": .string(Hex.encode(chain.auditorKey.publicKey.rawRepresentation)),
            "signingKey": .string(Hex.encode(signingKey.publicKey.compressedRepresentation))]))
    }

    /// Submits a committee approval (threshold 1, so the action executes).
    @discardableResult
    func govern(_ action: GovernanceAction, submitter: String = "office") async throws -> TransactionID {
        let approval = try await chain.approval(action, by: 0, submitter: submitter)
        _ = try await chain.node.submit(approval)
        return approval.id
    }

    /// Sets the regulator's scope by governance.
    func setScope(_ scope: AuditorScope) async throws {
        try await govern(GovernanceAction(kind: "setAuditorScope", parameters: ["id": .string(auditor), "scope": .object(scope.json)]))
    }

    /// A request by the regulator, or by `auditor` signing with `key`, at the clock's time.
    func request(_ query: AuditQuery, auditor: String? = nil, key: Secp256k1PrivateKey? = nil, time: UInt64? = nil) throws
        -> SignedAuditRequest
    {
        try SignedAuditRequest(auditor: auditor ?? self.auditor, query: query, time: time ?? chain.clock.nowMilliseconds(),
                               key: key ?? signingKey, chainId: chain.chainId)
    }

    /// Asks the service, submitting records through the node.
    func ask(_ request: SignedAuditRequest) async throws -> AuditAnswer {
        try await service.answer(request) { try await self.chain.node.submit($0) }
    }

    /// Submits `test.put` transactions, one block each, and returns them.
    func puts(_ texts: [String], by member: String) async throws -> [Transaction] {
        var submitted: [Transaction] = []
        for text in texts {
            let transaction = try await chain.put(text, by: member)
            _ = try await chain.node.submit(transaction)
            submitted.append(transaction)
        }
        return submitted
    }

    /// Every committed transaction.
    func recordedTransactions() throws -> [Transaction] {
        let head = try chain.store.head()!.header.height
        return try (0...head).flatMap { try chain.store.transactions(at: $0) }
    }

    /// Every committed `audit.query` transaction.
    func recordedQueries() throws -> [Transaction] { try recordedTransactions().filter { $0.type == .auditQuery } }

    /// A `test.put` by a one-time key the membership service certified with an envelope that
    /// names `member` but seals another one-time key: what a misbehaving service could issue.
    func forgedTransaction(naming member: String) async throws -> Transaction {
        let suite = chain.suite
        let key = suite.signature.generateKey(), epoch = chain.epoch
        let envelope = try AuditorEnvelope(memberHandle: try await chain.handle(member),
                                           oneTimeKey: suite.signature.generateKey().publicKey, epoch: epoch)
            .sealed(to: chain.auditorKey.publicKey)
        // The certificate message of specs/chain.md §2.3, in the chain's suite.
        var message = ByteWriter()
        message.string(chain.chainId)
        message.u64(epoch)
        message.raw(key.publicKey)
        message.raw(suite.hash.digest(envelope))
        let certificate = try chain.membershipKey.signature(for: suite.hash.taggedHash(tag: "chancery/otk-certificate/v1", message.bytes))
        let credential = OneTimeKeyCredential(privateKey: key, epoch: epoch, certificate: certificate, envelope: envelope)
        return try Transaction(type: TestPutHandler.transactionType, body: Array("forged".utf8), chainId: chain.chainId,
                               oneTimeKey: credential)
    }
}

/// Loads the audit vectors relative to this file, so tests run from any directory.
enum AuditVectors {
    static func json(_ name: String) throws -> JSONValue {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("specs/vectors/audit/\(name).json")
        return try JSONValue(parsing: Array(try Data(contentsOf: url)))
    }
}
