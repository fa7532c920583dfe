import Node
import Hummingbird

extension NodeHTTPServer {
    /// Liveness, metrics and the API description.
    func addOperationsRoutes(to router: Router<NodeRequestContext>) {
        on(router, .get, "/healthz") { _, _ in
            Response.json(await backend.health().jsonValue)
        }
        on(router, .get, "/metrics") { _, _ in
            let text = metrics.exposition(health: await backend.health())
            return Response.text(Array(text.utf8), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        on(router, .get, "/openapi.yaml") { _, _ in
            Response.text(Array(OpenAPIDocument.text.utf8), contentType: "application/yaml")
        }
    }
}
