extension JSONParser {
    /// Reads a string, number, `true`, `false` or `null` starting at the current offset.
    mutating func parseScalar() throws -> JSONValue {
        switch try peek(expecting: "a value") {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("a value")
        }
    }

    private mutating func parseLiteral(_ literal: StaticString) throws {
        let start = offset
        let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in bytes {
            guard offset < input.count, input[offset] == byte else { throw failure("'\(literal)'", at: start) }
            offset += 1
        }
    }

    /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` and converts it to the
    /// nearest double, rejecting magnitudes that overflow to infinity (I-JSON).
    private mutating func parseNumber() throws -> Double {
        let start = offset
        let isNegative = input[offset] == UInt8(ascii: "-")
        if isNegative { offset += 1 }
        let integerStart = offset
        guard try take(expecting: "a digit").isDigit else { throw failure("a digit", at: offset - 1) }
        if input[integerStart] == UInt8(ascii: "0") {
            if offset < input.count, input[offset].isDigit {
                throw failure("'.', 'e' or the end of the number after a leading zero")
            }
        } else {
            skipDigits()
        }
        var isInteger = true
        if offset < input.count, input[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            try requireDigits(after: "'.'")
        }
        if offset < input.count, input[offset] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            if offset < input.count, input[offset] == UInt8(ascii: "+") || input[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            try requireDigits(after: "the exponent marker")
        }
        // Up to 15 digits are below 2^53, so the integer converts to a double exactly.
        if isInteger, offset - integerStart <= 15 {
            var magnitude = 0
            for digit in input[integerStart..<offset] { magnitude = magnitude * 10 + Int(digit &- 0x30) }
            return isNegative ? -Double(magnitude) : Double(magnitude)
        }
        // The literal matches the JSON grammar, a subset of what `Double(_:)` accepts, which
        // rounds correctly (to nearest, ties to even).
        let literal = String(decoding: UnsafeBufferPointer(rebasing: input[start..<offset]), as: UTF8.self)
        guard let number = Double(literal), number.isFinite else {
            throw PrimitivesError.invalidJSON(
                "Number at byte offset \(start) is outside the range of an IEEE-754 double; I-JSON forbids it.")
        }
        return number
    }

    private mutating func skipDigits() {
        while offset < input.count, input[offset].isDigit { offset += 1 }
    }

    private mutating func requireDigits(after marker: String) throws {
        guard offset < input.count, input[offset].isDigit else { throw failure("a digit after \(marker)") }
        skipDigits()
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
}
