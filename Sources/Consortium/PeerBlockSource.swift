public import AsyncHTTPClient
public import Chain
import Foundation
public import NIOCore
import NIOHTTP1
import Primitives

/// Another consortium node's final blocks over HTTP (`GET /blocks/{height}?count=N`,
/// `specs/consortium.md` §3.3), for a node whose next log entry was compacted away. What it
/// answers is parsed here and checked by the chain before anything is stored.
///
/// ```swift
/// var setting = LogOrdering(log: log)
/// setting.peers = urls.map { PeerBlockSource(url: $0, httpClient: .shared) }
/// ```
public struct PeerBlockSource: BlockSource {
    /// The peer's base URL, such as `http://10.0.0.2:8080`.
    public let url: String
    let httpClient: HTTPClient
    let timeout: TimeAmount

    /// A peer at `url`.
    /// - Parameters:
    ///   - url: the peer node's base URL.
    ///   - httpClient: the client to ask with.
    ///   - timeout: how long one answer may take.
    public init(url: String, httpClient: HTTPClient, timeout: TimeAmount = .seconds(30)) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.httpClient = httpClient
        self.timeout = timeout
    }

    public var sourceName: String { url }

    public func blocks(from height: UInt64, count: Int) async throws -> [Block] {
        let request = HTTPClientRequest(url: "\(url)/blocks/\(height)?count=\(max(1, count))")
        let response = try await httpClient.execute(request, timeout: timeout)
        let body = try await response.body.collect(upTo: 64 << 20)
        guard response.status == .ok else {
            throw EtcdError(.badResponse, "The peer \(url) answered \(response.status.code) for blocks from \(height).")
        }
        guard let items = (try? JSONValue(parsing: Array(body.readableBytesView)))?["blocks"]?.arrayValue else {
            throw EtcdError(.badResponse, "The peer \(url) answered blocks from \(height) with something that is not {\"blocks\": [...]}.")
        }
        return try items.map { item in
            do { return try Block(json: item) } catch { throw EtcdError(.badResponse, "The peer \(url) served a block that cannot be read: \((error as? ChainError)?.reason ?? "\(error)")") }
        }
    }
}
