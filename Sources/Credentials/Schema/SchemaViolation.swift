/// One way in which an instance fails a ``CredentialSchema``.
public struct SchemaViolation: Hashable, Sendable, CustomStringConvertible {
    /// Where in the instance the failure is, as an RFC 6901 JSON pointer (`""` is the whole
    /// instance, `/degree/year` a nested member).
    public let instancePointer: String
    /// The schema keyword that failed, such as `required` or `maxLength`.
    public let keyword: String
    /// Where the failing keyword sits in the schema, as an RFC 6901 JSON pointer.
    public let schemaPointer: String
    /// One human sentence saying what is wrong.
    public let reason: String

    /// Creates a violation.
    /// - Parameters:
    ///   - instancePointer: The JSON pointer of the offending instance value.
    ///   - keyword: The failing schema keyword.
    ///   - schemaPointer: The JSON pointer of the keyword in the schema.
    ///   - reason: One human sentence.
    public init(instancePointer: String, keyword: String, schemaPointer: String, reason: String) {
        self.instancePointer = instancePointer
        self.keyword = keyword
        self.schemaPointer = schemaPointer
        self.reason = reason
    }

    /// The pointer, keyword and reason, for logs.
    public var description: String {
        "\(instancePointer.isEmpty ? "(root)" : instancePointer): \(keyword): \(reason)"
    }
}
