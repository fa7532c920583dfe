import Node
import Hummingbird

extension NodeHTTPServer {
    /// The methods a path of ours may be asked with that are answered 405 rather than 404 when
    /// the path does not take them. HEAD and OPTIONS are left to the framework.
    static let answeredMethods: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .trace, query]
    /// QUERY (draft-ietf-httpbis-safe-method-w-body), which HTTPTypes has no constant for.
    static let query = HTTPRequest.Method("QUERY")!

    /// Registers, for each path the router serves, every other method of ``answeredMethods``
    /// as a 405 naming the methods it does take (`Allow`), as RFC 9110 §15.5.6 asks; an
    /// unknown path stays 404. Run after every route is added: it reads the router's table.
    func addMethodNotAllowedRoutes(to router: Router<NodeRequestContext>) {
        var taken: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
        for route in router.routes {
            taken[route.path.description, default: (route.path, [])].methods.insert(route.method)
        }
        for (path, methods) in taken.values {
            let allowed = Self.answeredMethods.filter(methods.contains).map(\.rawValue)
            for method in Self.answeredMethods where !methods.contains(method) {
                router.on(path, method: method) { request, _ -> Response in
                    throw HTTPServerError.methodNotAllowed(request.method.rawValue, allowed: allowed)
                }
            }
        }
    }
}
