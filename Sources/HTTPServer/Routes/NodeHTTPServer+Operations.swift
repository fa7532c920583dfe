import Node
import Hummingbird

extension NodeHTTPServer {
    /// Liveness, metrics and the API description.
    func addOperationsRoutes(to router: Router<NodeRequestContext>) {
        on(router, .get, "/healthz") { _, _ in
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
