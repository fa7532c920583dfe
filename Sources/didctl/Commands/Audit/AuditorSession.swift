import Node
import Chain
import Foundation
import Primitives

/// The auditor's side of a data directory: its keys, its private index (`audit/index.sqlite`)
/// and the audit service that records each query on the chain before answering it.
///
/// The audit records are submitted under the operator member's one-time keys: the genesis of
/// `didctl init` admits no separate member for the auditor organisation.
final class AuditorSession {
    let runtime: NodeRuntime
    let index: AuditIndex
    /// The auditor id whose registered signing key is `keys/auditor-signing.key`.
    let auditorId: String
    private let signingKey: Secp256k1PrivateKey
    private let service: AuditService

    /// Opens the node and the index, and brings the index up to date with the ledger.
    /// - Throws: `DidctlFailure` when the auditor keys are missing or are not an admitted auditor's.
    init(directory: DataDirectory) throws {
        guard directory.isInitialised else { throw DidctlFailure("No chain in \(directory.url.path): run 'didctl init' or pass --data-dir.") }
        let (encryptionKey, signingKey) = try Self.keys(in: directory)
        let runtime = try NodeRuntime(directory: directory)
        do {
            let signing = Hex.encode(signingKey.publicKey.compressedRepresentation)
            let auditors = try runtime.store.entries(namespace: ChainNamespace.auditor, prefix: [])
                .map { try AuditorRecord(canonicalBytes: $0.value) }
            guard let auditor = auditors.first(where: { $0.signingKey.lowercased() == signing }) else {
                throw DidctlFailure("keys/auditor-signing.key is not the signing key of an admitted auditor of this chain.")
            }
            guard auditor.encryptionKey.lowercased() == Hex.encode(encryptionKey.publicKey.rawRepresentation) else {
                throw DidctlFailure("keys/auditor.key is not the encryption key of auditor '\(auditor.id)'; its envelopes would not open.")
            }
            let audit = directory.url.appendingPathComponent("audit")
            try FileManager.default.createDirectory(at: audit, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let index = AuditIndex(store: try SQLiteAuditIndexStore(path: audit.appendingPathComponent("index.sqlite").path),
                                   keys: try directory.auditorKeySource())
            _ = try index.follow(store: runtime.store)
            self.index = index
            service = AuditService(ledger: runtime.store, index: index, clock: runtime.clock,
                                   oneTimeKey: { [runtime] in try await runtime.oneTimeKeys(count: 1)[0] })
            self.runtime = runtime
            self.auditorId = auditor.id
            self.signingKey = signingKey
        } catch {
            runtime.node.shutdown()
            throw error
        }
    }

    /// Stops the node.
    func close() { runtime.node.shutdown() }

    /// Signs a query as the auditor, has it recorded on the chain, and returns the answer.
    /// - Throws: `ChainError.unauthorized` / `.notFound` (nothing recorded), or the node's refusal.
    func ask(_ query: AuditQuery) async throws -> AuditAnswer {
        let request = try SignedAuditRequest(auditor: auditorId, query: query, time: runtime.clock.nowMilliseconds(),
                                             key: signingKey, chainId: runtime.genesis.chainId)
        return try await service.answer(request) { [runtime] in try await runtime.node.submit($0) }
    }

    /// Reads both auditor keys, refusing clearly when this is not the auditor's data directory.
    private static func keys(in directory: DataDirectory) throws -> (X25519PrivateKey, Secp256k1PrivateKey) {
        for name in ["auditor", "auditor-signing"] {
            let path = directory.keysURL.appendingPathComponent("\(name).key").path
            guard FileManager.default.fileExists(atPath: path) else {
                throw DidctlFailure("The auditor key required for audit queries is missing (\(path)); run this on the auditor's data directory.")
            }
        }
        return (try X25519PrivateKey(rawRepresentation: directory.readKey("auditor")), try directory.secp256k1Key("auditor-signing"))
    }
}
