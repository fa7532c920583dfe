/// A strict RFC 8259 / I-JSON (RFC 7493) parser over UTF-8 bytes.
///
/// Nesting is handled with an explicit stack rather than recursion, so deep input ends in a
/// depth error instead of a stack overflow.
struct JSONParser {
    let input: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var offset = 0

    /// An array or object still being read.
    private struct Frame {
        let isObject: Bool
        var array: [JSONValue] = []
        var object = JSONObject()
        var key = JSONKey("")
    }

    init(_ input: UnsafeBufferPointer<UInt8>, limits: JSONParsingLimits) {
        self.input = input
        self.maxDepth = limits.maxDepth
    }

    /// Parses the whole input as one JSON text.
    mutating func parseDocument() throws -> JSONValue {
        var frames: [Frame] = []
        skipWhitespace()
        readingValue: while true {
            var value: JSONValue
            let first = try peek(expecting: "a value")
            if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
                let isObject = first == UInt8(ascii: "{")
                guard frames.count < maxDepth else {
                    throw PrimitivesError.invalidInput(
                        "JSON nesting exceeds the limit of \(maxDepth) levels at byte offset \(offset).")
                }
                offset += 1
                skipWhitespace()
                let close = UInt8(ascii: isObject ? "}" : "]")
                if try peek(expecting: isObject ? "a member name or '}'" : "a value or ']'") == close {
                    offset += 1
                    value = isObject ? .object(JSONObject()) : .array([])
                } else {
                    var frame = Frame(isObject: isObject)
                    if isObject { frame.key = try parseMemberName(in: frame.object) }
                    frames.append(frame)
                    continue readingValue
                }
            } else {
                value = try parseScalar()
            }
            // Attach the finished value to its container, closing every container that ends here.
            while let top = frames.indices.last {
                skipWhitespace()
                if frames[top].isObject {
                    frames[top].object.appendNew(frames[top].key, value)
                    let separator = try take(expecting: "',' or '}'")
                    if separator == UInt8(ascii: ",") {
                        skipWhitespace()
                        frames[top].key = try parseMemberName(in: frames[top].object)
                        continue readingValue
                    }
                    guard separator == UInt8(ascii: "}") else { throw failure("',' or '}'", at: offset - 1) }
                    value = .object(frames.removeLast().object)
                } else {
                    frames[top].array.append(value)
                    let separator = try take(expecting: "',' or ']'")
                    if separator == UInt8(ascii: ",") {
                        skipWhitespace()
                        continue readingValue
                    }
                    guard separator == UInt8(ascii: "]") else { throw failure("',' or ']'", at: offset - 1) }
                    value = .array(frames.removeLast().array)
                }
            }
            skipWhitespace()
            guard offset == input.count else { throw failure("the end of the input") }
            return value
        }
    }

    /// Reads `"name"` and the `:` after it, rejecting a name already in `object` (I-JSON).
    private mutating func parseMemberName(in object: JSONObject) throws -> JSONKey {
        let start = offset
        guard try peek(expecting: "a member name") == UInt8(ascii: "\"") else { throw failure("a member name") }
        let key = JSONKey(try parseString())
        guard !object.contains(key) else {
            throw PrimitivesError.invalidJSON("Duplicate member name at byte offset \(start); I-JSON requires unique names.")
        }
        skipWhitespace()
        guard try take(expecting: "':'") == UInt8(ascii: ":") else { throw failure("':'", at: offset - 1) }
        skipWhitespace()
        return key
    }

    mutating func skipWhitespace() {
        while offset < input.count {
            switch input[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// The byte at the current offset, or an error naming what was expected at the end of input.
    func peek(expecting expected: String) throws -> UInt8 {
        guard offset < input.count else { throw failure(expected) }
        return input[offset]
    }

    /// Consumes and returns the byte at the current offset.
    mutating func take(expecting expected: String) throws -> UInt8 {
        let byte = try peek(expecting: expected)
        offset += 1
        return byte
    }

    /// An `.invalidJSON` error saying what was expected at `position` and what was found.
    func failure(_ expected: String, at position: Int? = nil) -> PrimitivesError {
        let position = position ?? offset
        let found: String
        if position >= input.count {
            found = "the end of the input"
        } else if (0x21...0x7E).contains(input[position]) {
            found = "'\(Character(Unicode.Scalar(input[position])))'"
        } else {
            let hex = String(input[position], radix: 16, uppercase: true)
            found = "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
        }
        return .invalidJSON("Expected \(expected) at byte offset \(position), found \(found).")
    }
}
