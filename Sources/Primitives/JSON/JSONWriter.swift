/// Serializes a ``JSONValue`` to UTF-8 the way ECMAScript's `JSON.stringify` does, which is
/// also the form RFC 8785 (JCS) prescribes for strings, numbers and literals.
struct JSONWriter {
    enum MemberOrder {
        /// The stored insertion order.
        case stored
        /// Ascending by the UTF-16 code units of the names (RFC 8785, section 3.2.3).
        case utf16
    }

    private static let lowercaseHex = Array("0123456789abcdef".utf8)

    private(set) var output: [UInt8] = []
    private let order: MemberOrder
    /// Spaces per nesting level, or `nil` for compact output.
    private let indent: Int?

    init(order: MemberOrder, indent: Int? = nil) {
        self.order = order
        self.indent = indent
    }

    mutating func write(_ value: JSONValue, level: Int = 0) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
        // Parsed numbers are always finite; a constructed NaN or infinity becomes `null`, as
        // `JSON.stringify` does, because JSON has no spelling for it.
        case .number(let number) where !number.isFinite: output.append(contentsOf: "null".utf8)
        case .number(let number): ECMAScriptNumber.append(number, to: &output)
        case .string(let string): writeString(string)
        case .array(let array):
            writeContainer(open: "[", close: "]", count: array.count, level: level) { writer, index in
                writer.write(array[index], level: level + 1)
            }
        case .object(let object):
            let members: [JSONObject.Element]
            switch order {
            case .stored: members = Array(object)
            case .utf16: members = object.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            }
            writeContainer(open: "{", close: "}", count: members.count, level: level) { writer, index in
                writer.writeString(members[index].key)
                writer.output.append(UInt8(ascii: ":"))
                if writer.indent != nil { writer.output.append(UInt8(ascii: " ")) }
                writer.write(members[index].value, level: level + 1)
            }
        }
    }

    private mutating func writeContainer(
        open: Unicode.Scalar, close: Unicode.Scalar, count: Int, level: Int,
        element: (inout JSONWriter, Int) -> Void
    ) {
        output.append(UInt8(ascii: open))
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            newline(level: level + 1)
            element(&self, index)
        }
        if count > 0 { newline(level: level) }
        output.append(UInt8(ascii: close))
    }

    private mutating func newline(level: Int) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    /// Writes a string with only the escapes JSON requires (RFC 8785, section 3.2.2.2): `"`,
    /// `\`, the short forms of controls, and `\u00xx` in lowercase hex for other controls.
    private mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        // Most strings (ids, reasons, base64url) need no escaping: copy their bytes in one go.
        let copied: Bool? = string.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if copied == true {
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case 0x08: output.append(contentsOf: #"\b"#.utf8)
            case 0x0C: output.append(contentsOf: #"\f"#.utf8)
            case 0x0A: output.append(contentsOf: #"\n"#.utf8)
            case 0x0D: output.append(contentsOf: #"\r"#.utf8)
            case 0x09: output.append(contentsOf: #"\t"#.utf8)
            case 0x00..<0x20:
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(Self.lowercaseHex[Int(byte >> 4)])
                output.append(Self.lowercaseHex[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
