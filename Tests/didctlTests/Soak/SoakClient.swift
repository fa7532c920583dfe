import AsyncHTTPClient
import Chain
import Foundation
import NIOCore
import NIOHTTP1
import Primitives

/// The clients of the soak: each kind of request built from what earlier answers gave
/// (credentials to verify and revoke, DIDs to resolve, transactions to audit), over one
/// AsyncHTTPClient connection pool to the node.
final class SoakClient: @unchecked Sendable {
    struct Answer {
        let status: Int
        let retryAfter: Bool
        let body: [UInt8]
        var json: JSONObject? { (try? JSONValue(parsing: body))?.objectValue }
    }

    let base: String
    let http: HTTPClient
    let issuer: String
    let holder: String
    let cpt: String
    let token: String
    let session: String
    let auditor: (id: String, key: Secp256k1PrivateKey, chainId: String)

    private let lock = NSLock()
    // Guarded by `lock`.
    private var credentials: [JSONValue] = []
    private var dids: [String] = []
    private var revocable: [String] = []
    private var transactions: [String] = []
    private var counter = 0

    init(base: URL, connections: Int, issuer: String, holder: String, cpt: String, token: String, session: String,
         auditor: (id: String, key: Secp256k1PrivateKey, chainId: String)) {
        self.base = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        (self.issuer, self.holder, self.cpt, self.token, self.session, self.auditor) = (issuer, holder, cpt, token, session, auditor)
        dids = [issuer, holder]
    }

    func shutdown() async { try? await http.shutdown() }

    private func next() -> Int { lock.withLock { counter += 1; return counter } }

    /// Sends one request of `kind` and learns from its answer.
    func send(_ kind: SoakKind) async throws -> Answer {
        let n = next()
        switch kind {
        case .verify:
            let credential = lock.withLock { credentials.isEmpty ? nil : credentials[n % credentials.count] }
            return try await post("credentials/verify", ["verifiableCredential": credential ?? .string("no credential yet")])
        case .resolve:
            let did = lock.withLock { dids[n % dids.count] }
            return try await request(.GET, "1.0/identifiers/" + did, nil, bearer: nil)
        case .issue:
            let id = "urn:uuid:\(UUID().uuidString.lowercased())"
            let body: JSONValue = [
                "credential": ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": .string(issuer),
                               "credentialSubject": ["id": .string(holder), "name": .string("Soak \(n)"), "degree": "MSc", "year": 2026],
                               "credentialSchema": ["id": .string(cpt), "type": "JsonSchema"]],
                "options": ["credentialId": .string(id)],
            ]
            let answer = try await post("credentials/issue", body, bearer: token)
            if answer.status == 201, let credential = answer.json?["verifiableCredential"] {
                lock.withLock {
                    if credentials.count < 16 { credentials.append(credential) } else { revocable.append(id) }
                }
            }
            return answer
        case .revoke:
            guard let id = lock.withLock({ revocable.popLast() }) else {
                // Nothing issued beyond the verification pool yet: revoke one of the pool's, replaced by the next issue.
                return try await post("credentials/status", ["credentialId": "urn:uuid:none", "purpose": "revocation", "value": true], bearer: token)
            }
            let answer = try await post("credentials/status", ["credentialId": .string(id), "purpose": "revocation", "value": true], bearer: token)
            if answer.status == 200, let transaction = answer.json?["transactionId"]?.stringValue {
                lock.withLock { if transactions.count < 256 { transactions.append(transaction) } }
            }
            return answer
        case .didCreate:
            let answer = try await post("1.0/create", ["didDocument": [:]], bearer: session)
            if answer.status == 201, let did = answer.json?["didState"]?["did"]?.stringValue {
                lock.withLock { if dids.count < 1024 { dids.append(did) } }
            }
            return answer
        case .audit:
            guard let transaction = lock.withLock({ transactions.isEmpty ? nil : transactions[n % transactions.count] }) else {
                return Answer(status: 0, retryAfter: false, body: Array("no transaction to audit yet".utf8))
            }
            let request = try SignedAuditRequest(auditor: auditor.id, query: AuditQuery(.link(try TransactionID(hex: transaction))),
                                                 time: UInt64(Date().timeIntervalSince1970 * 1000), key: auditor.key, chainId: auditor.chainId)
            return try await post("audit/link", try JSONValue(parsing: request.body))
        }
    }

    /// Before anything is measured: 20 issuances (16 to verify, 4 to revoke), 2 revocations
    /// (transactions to audit) and a DID registration, so every kind has something to act on.
    func prime() async throws {
        for _ in 0..<20 { _ = try await send(.issue) }
        for _ in 0..<2 { _ = try await send(.revoke) }
        _ = try await send(.didCreate)
    }

    /// The node's `chancery_sqlite_memory_bytes` in MiB, from `GET /metrics`.
    func sqliteMiB() async throws -> Double {
        let text = String(decoding: try await request(.GET, "metrics", nil, bearer: nil).body, as: UTF8.self)
        let line = text.split(separator: "\n").first { $0.hasPrefix("chancery_sqlite_memory_bytes ") } ?? ""
        return (Double(line.split(separator: " ").last ?? "") ?? .nan) / 1_048_576
    }

    func post(_ path: String, _ body: JSONValue, bearer: String? = nil) async throws -> Answer {
        try await request(.POST, path, body, bearer: bearer)
    }

    func request(_ method: HTTPMethod, _ path: String, _ body: JSONValue?, bearer: String?) async throws -> Answer {
        var request = HTTPClientRequest(url: "\(base)/\(path)")
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body.serialized()))
        }
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        let response = try await http.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        return Answer(status: Int(response.status.code), retryAfter: response.headers.first(name: "Retry-After") != nil,
                      body: Array(bytes.readableBytesView))
    }
}
