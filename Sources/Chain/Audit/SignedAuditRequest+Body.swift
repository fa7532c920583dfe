import Primitives

extension SignedAuditRequest {
    /// The JCS JSON form `{"query": {...}, "signature": "<base64url r‖s>"}`: the body of the
    /// `audit.query` transaction and the body of an `/audit` request.
    public var body: [UInt8] {
        JCS.canonicalize(["query": .object(signedObject), "signature": .string(Base64URL.encode(signature))])
    }

    /// Parses the JSON form strictly: a member the signature would not cover is refused.
    /// - Parameter body: the JSON bytes.
    /// - Throws: `ChainError.invalidBody` naming what is missing or malformed.
    public init(body: [UInt8]) throws(ChainError) {
        guard let json = try? JSONValue(parsing: body), let object = json.objectValue else {
            throw .invalidBody("An audit request is a JSON object.")
        }
        try AuditJSON.requireOnly(object, ["query", "signature"], in: "The audit request")
        guard let query = object["query"]?.objectValue else { throw .invalidBody("The audit request has no 'query' object.") }
        let kind = query["kind"]?.stringValue ?? ""
        try AuditJSON.requireOnly(query, AuditQuery.memberNames(kind: kind).union(["auditor", "time"]), in: "The audit query")
        guard let auditor = query["auditor"]?.stringValue, !auditor.isEmpty, auditor.utf8.count <= 128 else {
            throw .invalidBody("The audit query's 'auditor' is an auditor id of 1 to 128 bytes.")
        }
        guard let time = try AuditJSON.milliseconds(query["time"], name: "time") else {
            throw .invalidBody("The audit query has no 'time'.")
        }
        guard let text = object["signature"]?.stringValue, let signature = try? Base64URL.decode(text), signature.count == 64 else {
            throw .invalidBody("The audit request's 'signature' is not 64 bytes of base64url.")
        }
        self.init(auditor: auditor, query: try AuditQuery(members: query), time: time, signature: signature)
    }
}
