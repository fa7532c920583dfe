import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Primitives

/// Talks to a running node (`--node URL`) instead of opening the data directory, so a CLI
/// and a node never write one ledger at once.
struct NodeClient {
    let base: URL

    init(_ text: String) throws {
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw DidctlFailure("--node must be an http(s) URL such as http://127.0.0.1:8080, not '\(text)'.")
        }
        base = url
    }

    /// POSTs a JSON body; returns the status and the JSON object answered.
    func post(_ path: String, _ body: JSONValue) async throws -> (status: Int, body: JSONObject) {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.httpBody = Data(body.serialized())
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let data: Data, response: URLResponse
        do { (data, response) = try await URLSession.shared.data(for: request) } catch {
            throw DidctlFailure("The node at \(base) cannot be reached: \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard let object = (try? JSONValue(parsing: [UInt8](data)))?.objectValue else {
            throw DidctlFailure("The node at \(base) answered \(status) without a JSON body.")
        }
        return (status, object)
    }
}
