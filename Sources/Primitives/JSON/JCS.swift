/// The JSON Canonicalization Scheme of RFC 8785: one byte sequence per JSON value, for hashing
/// and signing.
///
/// Members are sorted by the UTF-16 code units of their names, strings carry only the
/// mandatory escapes, and numbers take their ECMAScript form (`1e+21`, `0.000001`, `-0` as `0`).
public enum JCS {
    /// The canonical UTF-8 form of `value`.
    ///
    /// A non-finite number, which parsing never produces, is written as `null`, as
    /// `JSON.stringify` does.
    /// - Parameter value: The value to canonicalize.
    /// - Returns: The canonical UTF-8 bytes.
    public static func canonicalize(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter(order: .utf16)
        writer.write(value)
        return writer.output
    }

    /// Parses JSON strictly as I-JSON and returns its canonical UTF-8 form.
    /// - Parameters:
    ///   - bytes: A UTF-8 JSON text.
    ///   - limits: The nesting and size limits for parsing.
    /// - Returns: The canonical UTF-8 bytes.
    /// - Throws: `PrimitivesError.invalidJSON` if `bytes` is not I-JSON, or
    ///   `PrimitivesError.invalidInput` if it exceeds `limits`.
    public static func canonicalize(
        json bytes: some Collection<UInt8>, limits: JSONParsingLimits = .default
    ) throws -> [UInt8] {
        canonicalize(try JSONValue(parsing: bytes, limits: limits))
    }
}
