public import AsyncHTTPClient
import Foundation
public import NIOCore
import NIOHTTP1
import Primitives

/// An etcd v3 client over its JSON gateway (`/v3/kv/...`), through async-http-client. Keys and
/// values are bytes (base64 on the wire, as the gateway's proto3 JSON mapping has it); 64-bit
/// numbers are decimal strings.
///
/// Requests go to the first endpoint that answers; an endpoint that cannot be reached is
/// skipped, so a client keeps working while a minority of members is down. Every request is
/// linearizable (etcd's default), so a read sees every write that returned before it.
///
/// ```swift
/// let etcd = EtcdClient(endpoints: ["http://127.0.0.1:2379"], httpClient: .shared)
/// let revision = try await etcd.put(key: Array("k".utf8), value: Array("v".utf8))
/// ```
public struct EtcdClient: Sendable {
    /// The members' client URLs, such as `http://127.0.0.1:2379`.
    public let endpoints: [String]
    let httpClient: HTTPClient
    let timeout: TimeAmount
    let preference = EndpointPreference()

    /// Creates a client.
    /// - Parameters:
    ///   - endpoints: the members' client URLs (at least one).
    ///   - httpClient: the HTTP client to send requests with.
    ///   - timeout: how long one endpoint may take to answer; a cluster without quorum answers
    ///     writes with nothing, so this bounds how long a write can hang.
    public init(endpoints: [String], httpClient: HTTPClient, timeout: TimeAmount = .seconds(5)) {
        self.endpoints = endpoints.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.httpClient = httpClient
        self.timeout = timeout
    }

    /// Sets `key` to `value`.
    /// - Returns: the revision of the write.
    /// - Throws: ``EtcdError``.
    @discardableResult
    public func put(key: [UInt8], value: [UInt8]) async throws -> Int64 {
        let answer = try await call("kv/put", ["key": Self.encode(key), "value": Self.encode(value)])
        return try Self.revision(of: answer)
    }

    /// The keys from `key` up to `rangeEnd` (exclusive; `nil` for `key` alone), in key order.
    /// - Parameters:
    ///   - key: the first key.
    ///   - rangeEnd: the end of the range, or `nil`.
    ///   - limit: at most this many (0 for all).
    /// - Returns: the records and the store's revision when read.
    /// - Throws: ``EtcdError``.
    public func range(key: [UInt8], rangeEnd: [UInt8]? = nil, limit: Int = 0) async throws -> (values: [EtcdKeyValue], revision: Int64) {
        let answer = try await call("kv/range", Self.rangeRequest(key: key, rangeEnd: rangeEnd, limit: limit))
        return (try Self.keyValues(in: answer["kvs"]), try Self.revision(of: answer))
    }

    /// Every key that starts with `prefix`, in key order.
    /// - Throws: ``EtcdError``.
    public func range(prefix: [UInt8], limit: Int = 0) async throws -> (values: [EtcdKeyValue], revision: Int64) {
        try await range(key: prefix, rangeEnd: Self.prefixEnd(prefix), limit: limit)
    }

    /// A transaction: if every comparison holds, the puts of `success` are made, else those of
    /// `failure`, atomically.
    /// - Parameters:
    ///   - compare: the comparisons.
    ///   - success: the writes when they all hold.
    ///   - failure: the writes otherwise.
    /// - Returns: whether the comparisons held, and the revision after the transaction.
    /// - Throws: ``EtcdError``.
    public func transaction(compare: [EtcdComparison], success: [(key: [UInt8], value: [UInt8])],
                            failure: [(key: [UInt8], value: [UInt8])] = []) async throws -> (succeeded: Bool, revision: Int64) {
        let puts = { (writes: [(key: [UInt8], value: [UInt8])]) -> JSONValue in
            .array(writes.map { ["request_put": ["key": Self.encode($0.key), "value": Self.encode($0.value)]] })
        }
        let answer = try await call("kv/txn", ["compare": .array(compare.map(\.json)), "success": puts(success), "failure": puts(failure)])
        return (answer["succeeded"]?.boolValue ?? false, try Self.revision(of: answer))
    }

    /// Deletes the keys from `key` up to `rangeEnd` (exclusive; `nil` for `key` alone).
    /// - Returns: how many were deleted.
    /// - Throws: ``EtcdError``.
    @discardableResult
    public func delete(key: [UInt8], rangeEnd: [UInt8]? = nil) async throws -> Int {
        var request: JSONObject = ["key": Self.encode(key)]
        if let rangeEnd { request["range_end"] = Self.encode(rangeEnd) }
        let answer = try await call("kv/deleterange", request)
        return Int(answer["deleted"]?.stringValue ?? "0") ?? 0
    }

    /// Discards the history of every key before `revision` (etcd's compaction): the current
    /// values stay, but reads and watches of older revisions are refused from then on.
    /// - Throws: ``EtcdError``; `invalidRequest` when the history was compacted past `revision`
    ///   already (another client did it first).
    public func compact(revision: Int64) async throws {
        _ = try await call("kv/compaction", ["revision": .string(String(revision)), "physical": .bool(false)])
    }

    // MARK: - Wire

    private func call(_ path: String, _ body: JSONObject) async throws -> JSONObject {
        let bytes = JSONValue.object(body).serialized()
        var failures: [String] = []
        for endpoint in preference.ordered(endpoints) {
            var request = HTTPClientRequest(url: "\(endpoint)/v3/\(path)")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: bytes))
            let response: HTTPClientResponse
            let payload: ByteBuffer
            do {
                response = try await httpClient.execute(request, timeout: timeout)
                payload = try await response.body.collect(upTo: 64 << 20)
            } catch {
                // Down, partitioned or without quorum: try the next member.
                failures.append("\(endpoint): \(error)")
                continue
            }
            let text = payload.getBytes(at: payload.readerIndex, length: payload.readableBytes) ?? []
            guard response.status == .ok else {
                let message = (try? JSONValue(parsing: text))?["message"]?.stringValue ?? String(decoding: text.prefix(200), as: UTF8.self)
                // A member that lost its leader answers 5xx: another may still have quorum.
                if response.status.code >= 500 { failures.append("\(endpoint): \(response.status.code) \(message)"); continue }
                throw EtcdError(.invalidRequest, "etcd at \(endpoint) refused \(path): \(response.status.code) \(message).")
            }
            guard case .object(let object)? = try? JSONValue(parsing: text) else {
                throw EtcdError(.badResponse, "etcd at \(endpoint) answered \(path) with a body that is not a JSON object.")
            }
            preference.answered(endpoint, among: endpoints)
            return object
        }
        throw EtcdError(.unavailable, "No etcd endpoint answered \(path): \(failures.joined(separator: "; ")).")
    }

    static func encode(_ bytes: [UInt8]) -> JSONValue { .string(Data(bytes).base64EncodedString()) }

    static func decode(_ value: JSONValue?) throws -> [UInt8] {
        guard let text = value?.stringValue else { return [] }
        guard let data = Data(base64Encoded: text) else { throw EtcdError(.badResponse, "etcd sent bytes that are not base64.") }
        return [UInt8](data)
    }

    static func revision(of answer: JSONObject) throws -> Int64 {
        guard let text = answer["header"]?["revision"]?.stringValue, let revision = Int64(text) else {
            throw EtcdError(.badResponse, "etcd's answer has no header revision.")
        }
        return revision
    }

    static func keyValues(in value: JSONValue?) throws -> [EtcdKeyValue] {
        guard case .array(let items)? = value else { return [] }
        return try items.map { item in
            EtcdKeyValue(key: try decode(item["key"]), value: try decode(item["value"]),
                         createRevision: Int64(item["create_revision"]?.stringValue ?? "0") ?? 0,
                         modRevision: Int64(item["mod_revision"]?.stringValue ?? "0") ?? 0)
        }
    }

    static func rangeRequest(key: [UInt8], rangeEnd: [UInt8]?, limit: Int) -> JSONObject {
        var request: JSONObject = ["key": encode(key)]
        if let rangeEnd { request["range_end"] = encode(rangeEnd) }
        if limit > 0 { request["limit"] = .string(String(limit)) }
        return request
    }

    /// The end of the range of keys that start with `prefix`: the prefix with its last byte
    /// below 0xFF incremented (etcd's own rule).
    static func prefixEnd(_ prefix: [UInt8]) -> [UInt8] {
        var end = prefix
        while let last = end.last {
            if last < 0xFF { end[end.count - 1] = last + 1; return end }
            end.removeLast()
        }
        return [0]
    }
}
