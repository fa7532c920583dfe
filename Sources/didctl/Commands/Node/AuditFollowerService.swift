import Node
import ServiceLifecycle

/// The auditor's index following the ledger as blocks commit (a no-op on a node without the
/// auditor's key), until the group shuts down.
struct AuditFollowerService: Service {
    let backend: ChainNodeBackend

    func run() async {
        // A node without the auditor's key (one that joined a consortium) has nothing to follow,
        // but a service that returns early stops the whole group: it waits for shutdown instead.
        guard backend.auditing != nil else {
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown { [backend] in await backend.followAuditIndex() }
    }
}
