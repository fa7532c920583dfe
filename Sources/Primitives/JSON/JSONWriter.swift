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
        // Skips the first few doublings: most documents written are a few hundred bytes or more.
        output.reserveCapacity(1_024)
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
            case .stored: members = object.storedMembers
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
        var string = string
        // Native strings are contiguous already; this only copies a bridged one, once.
        string.withUTF8 { bytes in
            // Most strings (ids, reasons, base64url) need no escape: runs between escapes are
            // copied in one go rather than byte by byte.
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                writeEscape(byte)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
        case 0x08: output.append(contentsOf: #"\b"#.utf8)
        case 0x0C: output.append(contentsOf: #"\f"#.utf8)
        case 0x0A: output.append(contentsOf: #"\n"#.utf8)
        case 0x0D: output.append(contentsOf: #"\r"#.utf8)
        case 0x09: output.append(contentsOf: #"\t"#.utf8)
        default:
            output.append(contentsOf: #"\u00"#.utf8)
            output.append(Self.lowercaseHex[Int(byte >> 4)])
            output.append(Self.lowercaseHex[Int(byte & 0x0F)])
        }
    }
}
