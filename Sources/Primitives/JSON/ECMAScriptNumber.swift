/// Formats doubles exactly as ECMAScript's `Number.prototype.toString()` (ECMA-262,
/// Number::toString), which RFC 8785 (JCS) mandates for numbers: the shortest digit string that
/// round-trips, written without an exponent from 1e-6 up to 1e21.
package enum ECMAScriptNumber {
    /// The ECMAScript string form of `value`; `-0` gives `"0"`.
    package static func string(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ECMAScript string form of `value` as ASCII bytes.
    package static func append(_ value: Double, to output: inout [UInt8]) {
        if value.isNaN {
            output.append(contentsOf: "NaN".utf8)
            return
        }
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        if magnitude == .infinity {
            output.append(contentsOf: "Infinity".utf8)
        } else if magnitude < 0x1p53, magnitude == magnitude.rounded(.towardZero) {
            // Below 2^53 an integral double is its own shortest round-trip form.
            appendDecimal(UInt64(magnitude), to: &output)
        } else {
            let (digits, pointPosition) = shortestDigits(magnitude)
            appendFormatted(digits: digits, pointPosition: pointPosition, to: &output)
        }
    }

    /// The shortest round-trip significant digits of a positive finite `value` and the position
    /// `n` of the decimal point, so that `value = 0.d1d2…dk × 10^n`.
    ///
    /// Swift's `description` already produces the shortest round-trip digits closest to the
    /// exact value (as ECMAScript requires); only its layout differs, so it is re-read here.
    private static func shortestDigits(_ value: Double) -> (digits: [UInt8], pointPosition: Int) {
        var digits: [UInt8] = []
        var integerDigitCount = 0
        var leadingZeroCount = 0
        var inFraction = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for byte in value.description.utf8 {
            switch byte {
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                    continue
                }
                if !inFraction { integerDigitCount += 1 }
                if digits.isEmpty && byte == UInt8(ascii: "0") {
                    leadingZeroCount += 1
                } else {
                    digits.append(byte)
                }
            default: break
            }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, integerDigitCount - leadingZeroCount + exponentSign * exponent)
    }

    /// Lays out digits by the rules of ECMA-262 Number::toString (the `k`, `n` cases).
    private static func appendFormatted(digits: [UInt8], pointPosition n: Int, to output: inout [UInt8]) {
        let k = digits.count
        if k <= n && n <= 21 {
            output.append(contentsOf: digits)
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            output.append(contentsOf: digits[..<n])
            output.append(UInt8(ascii: "."))
            output.append(contentsOf: digits[n...])
        } else if -6 < n && n <= 0 {
            output.append(contentsOf: "0.".utf8)
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            output.append(contentsOf: digits)
        } else {
            output.append(digits[0])
            if k > 1 {
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: digits[1...])
            }
            output.append(contentsOf: (n - 1 < 0 ? "e-" : "e+").utf8)
            appendDecimal(UInt64((n - 1).magnitude), to: &output)
        }
    }

    private static func appendDecimal(_ value: UInt64, to output: inout [UInt8]) {
        var remaining = value
        let start = output.count
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(remaining % 10))
            remaining /= 10
        } while remaining > 0
        output[start...].reverse()
    }
}
