import Node
import Hummingbird

extension NodeHTTPServer {
    /// Liveness, metrics and the API description.
    ///
    /// `/healthz` is outside the per-client limit on requests in progress: a node shedding an
    /// overload (429 to a client holding its share) still answers the probe of a load balancer
    /// or orchestrator that shares the client's address (README, "Reliability", overload).
    func addOperationsRoutes(to router: Router<NodeRequestContext>) {
        router.on("/healthz", method: .get) { _, _ in
            Response.json(await backend.health().jsonValue)
        }
        if let exposition = exporter.exposition {
            let contentType = exporter.contentType
            on(router, .get, "/metrics") { _, _ in
                metrics.record(await backend.health())
                return Response.text(exposition(), contentType: contentType)
            }
        }
        on(router, .get, "/openapi.yaml") { _, _ in
            Response.text(Array(OpenAPIDocument.text.utf8), contentType: "application/yaml")
        }
    }
}
