public import Foundation
public import Primitives

/// A vault node's side of the transport (`specs/custody-vault.md` §9): takes the body of one
/// request, checks who sent it and that it is new, runs it on the local ``VaultNode`` and
/// returns the sealed, signed answer. HTTP-free, so the node's HTTP route only moves bytes.
///
/// ```swift
/// let service = VaultNodeService(node: node, coordinators: [coordinatorKey])
/// let answer = try await service.answer(requestBody)   // 200 with `answer`
/// ```
/// Refusals of the request itself (malformed, unknown coordinator, bad signature, replay) are
/// thrown and reveal nothing about accounts; what the node says about the account (a wrong
/// password, a lock, no share) travels sealed inside the answer.
public final class VaultNodeService: Sendable {
    /// The node served.
    public let node: VaultNode
    /// The coordinators' Ed25519 keys this node acts for.
    public let coordinators: Set<Ed25519PublicKey>
    let replayGuard: VaultReplayGuard

    /// Serves `node` to `coordinators`.
    /// - Parameters:
    ///   - node: the local vault node; its clock dates requests and locks.
    ///   - coordinators: the admitted coordinators' keys.
    ///   - window: how far a request's time may be from the node's clock (60 s).
    ///   - capacity: how many request nonces the node remembers at most (100,000).
    public init(node: VaultNode, coordinators: Set<Ed25519PublicKey>, window: TimeInterval = 60, capacity: Int = 100_000) {
        self.node = node
        self.coordinators = coordinators
        replayGuard = VaultReplayGuard(window: window, capacity: capacity, startedAt: node.clock())
    }

    /// Answers one request body.
    /// - Returns: the answer body (JSON), whatever the operation's outcome.
    /// - Throws: `KeyCustodyError.invalidInput` for a malformed request or one addressed to
    ///   another node; `.authenticationFailed` for an unknown coordinator or a bad signature;
    ///   `.replayed` for a request seen before, outside the window or older than the node's
    ///   start; `.backendUnavailable` when the replay memory is full.
    public func answer(_ body: [UInt8]) async throws -> [UInt8] {
        let (request, sealed) = try VaultTransportRequest.open(
            body, nodeID: node.nodeID, sealingKey: node.transportSealer, coordinators: coordinators)
        try replayGuard.admit(nonce: request.nonce, issuedAt: request.issuedAt, now: node.clock())
        let outcome: VaultTransportAnswer
        do {
            switch request.operation {
            case .store:
                guard let share = request.share, let key = request.userAuthKey else { preconditionFailure("checked by open") }
                try node.storeShare(share, account: request.account, userAuthKey: key)
                outcome = .done
            case .fetch:
                guard let key = request.userAuthKey else { preconditionFailure("checked by open") }
                outcome = .share(try node.fetchShare(account: request.account, userAuthKey: key))
            case .delete:
                try node.deleteShare(account: request.account)
                outcome = .done
            case .attempts:
                outcome = .attempts(try node.attempts(account: request.account))
            }
        } catch {
            outcome = .refused(error as? KeyCustodyError ?? KeyCustodyError(.backendFailure, "Vault node \(node.nodeID) failed: \(error)"))
        }
        do { return try outcome.envelope(answering: sealed, replyTo: request.replyTo, signer: node.transportSigner) }
        catch { throw KeyCustodyError(.invalidInput, "The vault request's replyTo key cannot be sealed to.") }
    }

    /// How many request nonces the node remembers now (bounded by `capacity`).
    public var rememberedRequests: Int { replayGuard.count }
}
