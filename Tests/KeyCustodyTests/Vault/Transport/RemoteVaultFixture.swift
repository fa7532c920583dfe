import Foundation
import KeyCustody
import Primitives

/// Three vault nodes, each behind its own ``VaultNodeService``, reached by a coordinator through
/// ``RemoteVaultNode``s whose exchange calls the service in process (the HTTP route only moves
/// these bytes; the node's HTTP tests run the same over real processes). A node can be taken
/// down (its exchange throws, as a refused connection does), and every body sent and answered
/// is kept for replay tests.
final class RemoteVaultFixture: @unchecked Sendable {
    // @unchecked: VaultFixture is immutable after init apart from its clock, which locks itself.
    let local: VaultFixture
    let coordinatorKey: Ed25519PrivateKey
    let wire: Wire
    let remotes: [RemoteVaultNode]
    let vault: SplitVault

    var services: [VaultNodeService] { wire.services }

    init(nodeCount: Int = 3, capacity: Int = 100_000) throws {
        let local = try VaultFixture(nodeCount: nodeCount)
        self.local = local
        let coordinator = Ed25519PrivateKey()
        coordinatorKey = coordinator
        let wire = Wire(services: local.nodes.map { VaultNodeService(node: $0, coordinators: [coordinator.publicKey], capacity: capacity) })
        self.wire = wire
        remotes = wire.services.enumerated().map { index, service in
            RemoteVaultNode(nodeID: service.node.nodeID, transportKey: service.node.transportKey, location: "test-node-\(index + 1)",
                            coordinatorKey: coordinator, clock: local.clock.closure) { body in try await wire.exchange(index, body) }
        }
        vault = try SplitVault(directory: local.root.appendingPathComponent("coordinator").path, nodes: remotes,
                               parameters: VaultFixture.parameters)
    }

    /// Takes node `index` (0-based) off line or back.
    func setDown(_ index: Int, _ isDown: Bool = true) { wire.setDown(index, isDown) }
    /// Every request body sent so far, with the node it went to.
    var requests: [(node: Int, body: [UInt8])] { wire.requests }
    /// Every answer body returned so far.
    var answers: [[UInt8]] { wire.answers }
    /// When set, the exchange answers with this body instead of asking the node.
    var forgedAnswer: [UInt8]? {
        get { wire.forgedAnswer }
        set { wire.forgedAnswer = newValue }
    }

    /// What the node's HTTP route answers: 200 and the answer, or the refusal's status and a
    /// problem `detail` (as `POST /vault/requests` does).
    static func serve(_ service: VaultNodeService, _ body: [UInt8]) async -> (status: Int, body: [UInt8]) {
        do { return (200, try await service.answer(body)) } catch {
            let error = error as? KeyCustodyError ?? KeyCustodyError(.backendFailure, "\(error)")
            let status = switch error.code {
            case .replayed: 409
            case .authenticationFailed: 401
            case .backendUnavailable: 503
            default: 400
            }
            return (status, JCS.canonicalize(["detail": .string(error.reason)]))
        }
    }

    /// The in-process network between the coordinator and the nodes.
    final class Wire: @unchecked Sendable {
        // @unchecked: the vars are only touched under `lock`.
        let services: [VaultNodeService]
        private let lock = NSLock()
        private var down: Set<Int> = []
        private var sent: [(node: Int, body: [UInt8])] = []
        private var answered: [[UInt8]] = []
        private var forged: [UInt8]?

        init(services: [VaultNodeService]) { self.services = services }

        func setDown(_ index: Int, _ isDown: Bool) {
            lock.withLock { if isDown { down.insert(index) } else { down.remove(index) } }
        }
        var requests: [(node: Int, body: [UInt8])] { lock.withLock { sent } }
        var answers: [[UInt8]] { lock.withLock { answered } }
        var forgedAnswer: [UInt8]? {
            get { lock.withLock { forged } }
            set { lock.withLock { forged = newValue } }
        }

        func exchange(_ index: Int, _ body: [UInt8]) async throws -> (status: Int, body: [UInt8]) {
            let (isDown, substitute) = lock.withLock { (down.contains(index), forged) }
            if isDown { throw POSIXError(.ECONNREFUSED) }
            lock.withLock { sent.append((index, body)) }
            if let substitute { return (200, substitute) }
            let (status, answer) = await RemoteVaultFixture.serve(services[index], body)
            if status == 200 { lock.withLock { answered.append(answer) } }
            return (status, answer)
        }
    }
}
