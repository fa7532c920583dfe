import Node
import Foundation
import Hummingbird

extension NodeHTTPServer {
    /// Serves every file of the web folder at `/<name>`, and `index.html` at `/` too, from
    /// memory.
    func addStaticRoutes(to router: Router<NodeRequestContext>, from folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() {
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)) else { continue }
            let type: String = switch (name as NSString).pathExtension {
            case "html": "text/html; charset=utf-8"
            case "css": "text/css; charset=utf-8"
            case "js": "text/javascript; charset=utf-8"
            case "png": "image/png"
            case "svg": "image/svg+xml"
            default: "application/octet-stream"
            }
            let bytes = ByteBuffer(bytes: [UInt8](data))
            let respond: @Sendable (Request, NodeRequestContext) async throws -> Response = { _, _ in
                Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: bytes))
            }
            router.get(RouterPath("/\(name)"), use: respond)
            if name == "index.html" { router.get("/", use: respond) }
        }
    }
}
