import Node
import Hummingbird

/// Counts every answered request by route template, method and status, and times it.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext
    let metrics: NodeMetrics

    // `next` is `@concurrent` because Hummingbird, built without SE-0461, declares it so.
    func handle(_ request: Request, context: Context, next: @concurrent (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        // The route template, not the path, so DIDs and ids do not each make a series;
        // Hummingbird names unmatched requests "NotFound".
        metrics.request(route: context.endpointPath ?? "NotFound", method: request.method.rawValue,
                        status: Int(response.status.code), nanoseconds: seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        return response
    }
}
