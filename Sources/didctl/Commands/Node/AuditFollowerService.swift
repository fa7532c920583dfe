import Node
import ServiceLifecycle

/// The auditor's index following the ledger as blocks commit (a no-op on a node without the
/// auditor's key), until the group shuts down.
struct AuditFollowerService: Service {
    let backend: ChainNodeBackend

    func run() async {
        await cancelWhenGracefulShutdown { [backend] in await backend.followAuditIndex() }
    }
}
