import Chain
import Node
import Primitives
import ServiceLifecycle

/// The node's orderer as a service: it runs from the start and, when the group shuts down,
/// commits what is queued and stops. It is the first of the node's services, so the group
/// stops it last: by then the HTTP server has answered its requests in progress and accepts
/// no more, so nothing new is queued behind the last block.
struct ChainNodeService: Service {
    let node: ChainNode

    func run() async throws {
        // Cancellation (a second signal, or another service failing) stops the node the same way.
        try? await gracefulShutdown()
        // `shutdown` waits for the orderer's thread to commit the queue: not on an event loop.
        try await BlockingWork.run { [node] in node.shutdown() }
    }
}
