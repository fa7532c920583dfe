package import Chain
package import DID
package import Foundation
package import KeyCustody
package import Metrics
package import Primitives

/// The HTTP API's backend in a running node: DID resolution over the chain, audit queries
/// through the auditor's index when this data directory holds the auditor key, health from
/// the orderer. The credential endpoints are in `NodeBackend+Credentials.swift`.
package final class ChainNodeBackend: NodeBackend, @unchecked Sendable {
    package let runtime: NodeRuntime
    package let resolver: any DIDResolver
    /// The auditor's index and service, when `keys/auditor.key` is here.
    package let auditing: (index: AuditIndex, service: AuditService)?
    /// Verification, challenges, issuance and status lists.
    package let credentials: NodeCredentialService
    /// Client-signed transactions and their states.
    package let transactions: TransactionSubmission
    /// Issuance and status changes, counted by outcome.
    package let credentialMetrics: CredentialWriteMetrics
    /// Membership requests and their approvals.
    package let membership: MembershipDesk
    /// DID writes of logged-in full-custody accounts.
    package let registrar: DIDRegistrar
    /// The vault node served to other hosts' coordinators (`node start --vault-serve`).
    package let servedVault: VaultNodeService?
    private let commits = CommitTimer()

    /// Wires the backend; opens (creating if needed) `audit/index.sqlite` when the auditor key is present.
    /// - Parameters:
    ///   - runtime: the node's chain, keys and data directory.
    ///   - metrics: the backend the node's write metrics are recorded in (the one the HTTP
    ///     server exports); by default nothing is recorded.
    ///   - approvesMembershipRequests: whether the node approves each membership request with the
    ///     operator's committee key as it is filed (a chain whose committee is the operator alone).
    ///   - servedVault: the vault node this node serves to other hosts' coordinators, if any.
    ///   - auditMember: the admitted member whose one-time keys carry the `audit.query` records;
    ///     the operator when `nil` (a node made by `init --genesis` has none, `specs/consortium.md` §8).
    package init(runtime: NodeRuntime, metrics: any MetricsFactory = NOOPMetricsHandler.instance,
                 approvesMembershipRequests: Bool = false, servedVault: VaultNodeService? = nil,
                 auditMember: CustodyKey? = nil) throws {
        self.runtime = runtime
        self.servedVault = servedVault
        membership = MembershipDesk(runtime: runtime, approvesRequests: approvesMembershipRequests)
        resolver = runtime.resolver()
        credentials = NodeCredentialService(runtime: runtime)
        registrar = DIDRegistrar(runtime: runtime, sessions: credentials.sessions)
        transactions = TransactionSubmission(node: runtime.node, store: runtime.store, metrics: TransactionMetrics(factory: metrics))
        credentialMetrics = CredentialWriteMetrics(factory: metrics)
        guard runtime.directory.hasKey("auditor") else {
            auditing = nil
            return
        }
        let audit = runtime.directory.url.appendingPathComponent("audit")
        try FileManager.default.createDirectory(at: audit, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let index = AuditIndex(store: try SQLiteAuditIndexStore(path: audit.appendingPathComponent("index.sqlite").path),
                               keys: try runtime.directory.auditorKeySource())
        // The audit records go under the audit member's one-time keys, or the operator's as
        // `didctl audit` does.
        auditing = (index, AuditService(ledger: runtime.store, index: index, clock: runtime.clock,
                                        oneTimeKey: { [runtime] in
            // Why no key could be had (no membership service here, a refusal of the remote one)
            // is the auditor's to read in the 503, rather than a scope refusal's 403.
            do { return try await runtime.oneTimeKeys(count: 1, member: auditMember)[0] } catch {
                throw NodeError("no one-time key for the record: \((error as? NodeError)?.message ?? (error as? ChainError)?.reason ?? String(describing: error))")
            }
        }))
    }

    package func answerVaultRequest(_ body: [UInt8]) async -> VaultRequestOutcome {
        guard let servedVault else { return .notServed }
        do { return .answer(try await servedVault.answer(body)) } catch let error as KeyCustodyError {
            switch error.code {
            case .replayed: return .replayed(error.reason)
            case .authenticationFailed: return .unauthorized(error.reason)
            case .backendUnavailable: return .unavailable(error.reason)
            default: return .malformed(error.reason)
            }
        } catch {
            return .malformed("The vault request could not be read.")
        }
    }

    package func audit(_ request: SignedAuditRequest) async -> AuditOutcome {
        let now = runtime.clock.nowMilliseconds()
        guard let auditing else {
            return AuditOutcome.refusal(of: request, ledger: runtime.store, now: now)
                ?? .unavailable("This node does not hold the auditor's index; send audit queries to the auditor's node.")
        }
        return await AuditOutcome.answering(request, with: auditing.service, ledger: runtime.store, now: now) { [runtime] in
            try await runtime.node.submit($0)
        }
    }

    package func health() async -> NodeHealth {
        let head = runtime.node.head
        let statistics = runtime.node.statistics
        var health = NodeHealth(chainId: runtime.genesis.chainId, height: head.height, headHash: Hex.encode(head.hash),
                                blocksCommitted: statistics.blocks, lastCommitSeconds: commits.latest(statistics),
                                epoch: runtime.schedule.epoch(atMilliseconds: runtime.clock.nowMilliseconds()), crypto: runtime.node.suite.name)
        health.finalHeight = runtime.node.finalHeight
        health.divergence = runtime.node.divergence.map(\.jsonValue)
        return health
    }

    /// Keeps the audit index at the head while the node runs: checks a few times a second and
    /// follows any new blocks, so audit answers do not wait for a long catch-up. Returns when
    /// the task is cancelled; a failure to follow is reported once and retried.
    package func followAuditIndex(every interval: Duration = .milliseconds(250)) async {
        guard let index = auditing?.index else { return }
        var followedHeight: UInt64?
        var reported = false
        while !Task.isCancelled {
            let height = runtime.node.head.height
            if height != followedHeight {
                do {
                    // Opening a block's envelopes takes a while after a large batch: not on an event loop.
                    _ = try await BlockingWork.run { [runtime] in try index.follow(store: runtime.store) }
                    followedHeight = height
                    reported = false
                } catch {
                    if !reported { FileHandle.standardError.write(Data("warning: the audit index could not follow the ledger: \(error)\n".utf8)) }
                    reported = true
                }
            }
            try? await Task.sleep(for: interval)
        }
    }
}

/// The duration of the latest block commit, from the orderer's cumulative statistics: the
/// build and store time added since the previous look, over the blocks added.
private final class CommitTimer: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var previous = (blocks: 0, seconds: 0.0)
    private var last: Double?

    package func latest(_ statistics: OrdererStatistics) -> Double? {
        lock.withLock {
            let seconds = statistics.buildSeconds + statistics.storeSeconds
            if statistics.blocks > previous.blocks {
                last = (seconds - previous.seconds) / Double(statistics.blocks - previous.blocks)
                previous = (statistics.blocks, seconds)
            }
            return last
        }
    }
}
