import Node
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
        return try await send(request)
    }

    /// GETs `path` (appended as it is, so a DID keeps its colons) with an `Accept` header.
    func get(_ path: String, query: [URLQueryItem] = [], accept: String = "application/json") async throws -> (status: Int, body: JSONObject) {
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else {
            throw DidctlFailure("--node must be an http(s) URL such as http://127.0.0.1:8080, not '\(base)'.")
        }
        components.percentEncodedPath = (components.percentEncodedPath.hasSuffix("/") ? String(components.percentEncodedPath.dropLast())
                                                                                      : components.percentEncodedPath) + "/" + path
        components.queryItems = query.isEmpty ? nil : query
        guard let url = components.url else { throw DidctlFailure("'\(path)' cannot be sent to the node as a URL path.") }
        var request = URLRequest(url: url)
        request.setValue(accept, forHTTPHeaderField: "Accept")
        return try await send(request)
    }

    private func send(_ request: URLRequest) async throws -> (status: Int, body: JSONObject) {
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
