import Node
import Foundation

/// Finds the verifier web page's folder (`Sources/HTTPServer/Web`, a SwiftPM resource) beside
/// the running executable, without `Bundle.module`, which stops the process when the bundle is
/// missing: a node copied without its resources serves the API and answers 404 at `/`.
enum WebRoot {
    /// The folder holding `index.html`, or `nil` when it is not installed.
    static func locate() -> String? {
        let executable = Bundle.main.executableURL?.deletingLastPathComponent() ?? Bundle.main.bundleURL
        let candidates = [executable, Bundle.main.bundleURL].flatMap { base in
            ["Chancery_HTTPServer.resources/Web", "Chancery_HTTPServer.bundle/Web",
             "Chancery_HTTPServer.bundle/Contents/Resources/Web"].map { base.appendingPathComponent($0) }
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("index.html").path) }?.path
    }
}
