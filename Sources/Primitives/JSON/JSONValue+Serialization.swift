extension JSONValue: CustomStringConvertible {
    /// The compact UTF-8 JSON text of this value, with object members in stored order and
    /// numbers in their ECMAScript form (as `JSON.stringify` writes them).
    ///
    /// A non-finite number, which parsing never produces, is written as `null`.
    /// - Returns: The UTF-8 bytes.
    public func serialized() -> [UInt8] {
        var writer = JSONWriter(order: .stored)
        writer.write(self)
        return writer.output
    }

    /// The JSON text of this value indented by two spaces per level, as
    /// `JSON.stringify(value, null, 2)` writes it.
    /// - Returns: The indented JSON text.
    public func prettyPrinted() -> String {
        var writer = JSONWriter(order: .stored, indent: 2)
        writer.write(self)
        return String(decoding: writer.output, as: UTF8.self)
    }

    /// The compact JSON text of this value.
    public var description: String {
        String(decoding: serialized(), as: UTF8.self)
    }
}
