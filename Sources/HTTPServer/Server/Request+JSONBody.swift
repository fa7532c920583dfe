import Node
import Foundation
import Hummingbird
import NIOCore
import Primitives

extension Request {
    /// The whole body, refused with 413 beyond `limit` bytes (by `Content-Length` before
    /// reading anything, else while reading a chunked body).
    /// - Throws: `HTTPServerError` 413.
    func bodyBytes(limit: Int) async throws -> [UInt8] {
        let declared = headers[.contentLength].flatMap(Int.init)
        if let declared, declared > limit {
            throw HTTPServerError(.payloadTooLarge, "The request body of \(declared) bytes exceeds the limit of \(limit) bytes.")
        }
        // Read straight into the array: `collectBody(upTo:)` gathers a ByteBuffer first (one
        // more copy) through two generic async layers, each an executor hop on the event loops.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(declared ?? 0)
        for try await buffer in body {
            guard buffer.readableBytes <= limit - bytes.count else {
                throw HTTPServerError(.payloadTooLarge, "The request body exceeds the limit of \(limit) bytes.")
            }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    /// The body as a JSON object, parsed strictly (RFC 8259 on valid UTF-8, I-JSON numbers,
    /// nesting at most 128 deep).
    /// - Throws: `HTTPServerError` 413 over the limit, 400 for anything but a JSON object.
    func jsonObject(limit: Int) async throws -> JSONObject {
        try Self.jsonObject(try await bodyBytes(limit: limit))
    }

    /// A body already read, as a JSON object (see ``jsonObject(limit:)``).
    /// - Throws: `HTTPServerError` 400 for anything but a JSON object.
    static func jsonObject(_ bytes: [UInt8]) throws -> JSONObject {
        guard !bytes.isEmpty else { throw HTTPServerError.malformed("The request body is empty; send a JSON object.") }
        let value: JSONValue
        do { value = try JSONValue(parsing: bytes) } catch {
            let reason = (error as? PrimitivesError)?.reason ?? "it does not parse."
            throw HTTPServerError.malformed("The request body is not valid JSON: \(reason)")
        }
        guard let object = value.objectValue else { throw HTTPServerError.malformed("The request body must be a JSON object.") }
        return object
    }

    /// The token of an `Authorization: Bearer` header, or `nil` when there is none.
    var bearerToken: String? {
        guard let value = headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
