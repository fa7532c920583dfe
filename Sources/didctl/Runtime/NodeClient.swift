import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Primitives

/// Talks to a running node (`--node URL`) instead of opening the data directory, so a CLI
/// and a node never write one ledger at once. Requests go through AsyncHTTPClient's shared
/// client; answers are read whole, up to ``maximumResponseBytes``.
struct NodeClient: Sendable {
    /// The largest answer read; a node's answers are far smaller (a batch of certificates of
    /// 10,000 keys is about 4.5 MB).
    static let maximumResponseBytes = 16 << 20
    /// How long one request may take, including a commit the node waits for.
    static let timeout: TimeAmount = .seconds(120)

    let base: URL

    init(_ text: String) throws {
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw DidctlFailure("--node must be an http(s) URL such as http://127.0.0.1:8080, not '\(text)'.")
        }
        base = url
    }

    /// POSTs a JSON body; returns the status and the JSON object answered.
    /// - Parameter headers: further request headers (such as `Prefer`).
    func post(_ path: String, _ body: JSONValue, headers: [(String, String)] = []) async throws -> (status: Int, body: JSONObject) {
        var request = HTTPClientRequest(url: try url(path, query: []))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body.serialized()))
        return try await send(request)
    }

    /// GETs `path` (appended as it is, so a DID keeps its colons) with an `Accept` header.
    /// - Parameter headers: further request headers (such as a committee member's signature).
    func get(_ path: String, query: [URLQueryItem] = [], accept: String = "application/json",
             headers: [(String, String)] = []) async throws -> (status: Int, body: JSONObject) {
        var request = HTTPClientRequest(url: try url(path, query: query))
        request.headers.add(name: "Accept", value: accept)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return try await send(request)
    }

    private func url(_ path: String, query: [URLQueryItem]) throws -> String {
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else {
            throw DidctlFailure("--node must be an http(s) URL such as http://127.0.0.1:8080, not '\(base)'.")
        }
        components.percentEncodedPath = (components.percentEncodedPath.hasSuffix("/") ? String(components.percentEncodedPath.dropLast())
                                                                                      : components.percentEncodedPath) + "/" + path
        components.queryItems = query.isEmpty ? nil : query
        guard let url = components.url else { throw DidctlFailure("'\(path)' cannot be sent to the node as a URL path.") }
        return url.absoluteString
    }

    private func send(_ request: HTTPClientRequest) async throws -> (status: Int, body: JSONObject) {
        let status: Int, bytes: ByteBuffer
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: Self.timeout)
            status = Int(response.status.code)
            bytes = try await response.body.collect(upTo: Self.maximumResponseBytes)
        } catch {
            throw DidctlFailure("The node at \(base) cannot be reached: \(Self.describe(error))")
        }
        guard let object = (try? JSONValue(parsing: Array(bytes.readableBytesView)))?.objectValue else {
            throw DidctlFailure("The node at \(base) answered \(status) without a JSON body.")
        }
        return (status, object)
    }

    /// AsyncHTTPClient's errors describe themselves as type names; say what happened.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "it did not answer in time."
            case .remoteConnectionClosed: return "it closed the connection."
            default: return "\(error)."
            }
        }
        if "\(error)".contains("connectionRefused") || "\(error)".contains("Connection refused") {
            return "the connection was refused (is `didctl node start` running there?)."
        }
        return "\(error)."
    }
}
