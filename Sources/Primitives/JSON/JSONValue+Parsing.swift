extension JSONValue {
    /// Parses one JSON text strictly: RFC 8259 grammar on well-formed UTF-8, plus the I-JSON
    /// rules of RFC 7493 (unique member names, no escaped lone surrogates, numbers that fit a
    /// double).
    ///
    /// Member names are compared by Unicode scalars, so `"é"` and `"e\u{301}"` are two members.
    /// Numbers round to the nearest double.
    /// - Parameters:
    ///   - bytes: The UTF-8 JSON text, without a byte order mark.
    ///   - limits: The largest input and deepest nesting to accept.
    /// - Throws: `PrimitivesError.invalidJSON` naming the byte offset and what was expected, or
    ///   `PrimitivesError.invalidInput` if the input exceeds `limits`.
    public init(parsing bytes: some Collection<UInt8>, limits: JSONParsingLimits = .default) throws {
        let size = bytes.count
        guard size <= limits.maxInputBytes else {
            throw PrimitivesError.invalidInput(
                "JSON input of \(size) bytes exceeds the limit of \(limits.maxInputBytes) bytes.")
        }
        let parse = { (buffer: UnsafeBufferPointer<UInt8>) throws -> JSONValue in
            var parser = JSONParser(buffer, limits: limits)
            return try parser.parseDocument()
        }
        if let value = try bytes.withContiguousStorageIfAvailable(parse) {
            self = value
        } else {
            self = try Array(bytes).withUnsafeBufferPointer(parse)
        }
    }

    /// Parses one JSON text strictly, exactly as the initializer taking its UTF-8 bytes does.
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - limits: The largest input (in UTF-8 bytes) and deepest nesting to accept.
    /// - Throws: `PrimitivesError.invalidJSON` or `PrimitivesError.invalidInput`, as for bytes.
    public init(parsing text: String, limits: JSONParsingLimits = .default) throws {
        var text = text
        text.makeContiguousUTF8()
        try self.init(parsing: text.utf8, limits: limits)
    }
}
