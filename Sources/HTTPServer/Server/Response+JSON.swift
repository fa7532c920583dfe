import Node
import Hummingbird
import Primitives

extension Response {
    /// A response whose body is `value` serialised as JSON.
    /// - Parameters:
    ///   - value: the body.
    ///   - status: the HTTP status code.
    ///   - contentType: the media type, `application/json` unless the endpoint says otherwise.
    ///   - headers: further header fields.
    static func json(_ value: JSONValue, status: Int = 200, contentType: String = "application/json",
                     headers: HTTPFields = [:]) -> Response {
        text(value.serialized(), status: status, contentType: contentType, headers: headers)
    }

    /// A response whose body is `bytes`.
    static func text(_ bytes: [UInt8], status: Int = 200, contentType: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        // One copy of the contiguous bytes (a generic collection was copied element by element).
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        return Response(status: HTTPResponse.Status(code: status), headers: fields, body: ResponseBody(byteBuffer: buffer))
    }
}
