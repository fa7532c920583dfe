import AsyncHTTPClient
import Chain
import Foundation
import NIOCore
import NIOHTTP1
import Primitives

/// The HTTP channel: a client of its own (its own connection pool) that asks the node's
/// membership service for certificates with `POST /membership/certificates` and submits each
/// signed transaction with `POST /transactions`, waiting for the commit (200 and a receipt).
struct HTTPRegistration: RegistrationChannel {
    let client: HTTPClient
    /// The node's base URL, without a trailing slash.
    let base: String

    func certify(_ request: OneTimeKeyRequest) async throws -> [(certificate: [UInt8], envelope: [UInt8])] {
        let answer = try await post("membership/certificates", request.json)
        guard let entries = answer["certificates"]?.arrayValue, entries.count == request.oneTimeKeys.count else {
            throw BenchmarkError("The node answered a certificate request without one certificate per key.")
        }
        return try entries.map { entry in
            guard let certificate = entry["certificate"]?.stringValue.flatMap({ try? Hex.decode($0) }),
                  let envelope = entry["envelope"]?.stringValue.flatMap({ try? Hex.decode($0) }) else {
                throw BenchmarkError("The node answered a certificate without its certificate and envelope.")
            }
            return (certificate, envelope)
        }
    }

    func submit(_ wire: [UInt8], id: TransactionID) async throws {
        let answer = try await post("transactions", ["transaction": .string(Base64URL.encode(wire))])
        guard answer["state"]?.stringValue == "committed", answer["transactionId"]?.stringValue == id.description else {
            throw BenchmarkError("The node answered the submission of \(id) without its commit.")
        }
    }

    /// POSTs a JSON body and returns the JSON object of a 200 answer.
    private func post(_ path: String, _ body: JSONValue) async throws -> JSONObject {
        var request = HTTPClientRequest(url: "\(base)/\(path)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body.serialized()))
        let response = try await client.execute(request, timeout: .seconds(120))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        let object = (try? JSONValue(parsing: Array(bytes.readableBytesView)))?.objectValue
        guard response.status.code == 200, let object else {
            let detail = object?["detail"]?.stringValue ?? "no detail"
            throw BenchmarkError("POST /\(path) answered \(response.status.code): \(detail)")
        }
        return object
    }
}
