/// The `format` values that a ``CredentialSchema`` asserts; any other is refused when parsing.
enum SchemaFormat: String, Sendable, CaseIterable {
    case date
    case dateTime = "date-time"
    case email
    case uri

    /// Whether `string` is in this format.
    func accepts(_ string: String) -> Bool {
        let scalars = Array(string.unicodeScalars)
        switch self {
        case .date: return RFC3339.isFullDate(scalars[...])
        case .dateTime: return RFC3339.isDateTime(scalars)
        case .email: return EmailAddress.isValid(scalars)
        case .uri: return AbsoluteURI.isValid(scalars)
        }
    }
}

/// Scalar classes shared by the format checks; only ASCII counts, so a Bengali digit is no digit.
enum ASCII {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    static func isAlpha(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || isAlpha(scalar) }
    static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    /// The value of exactly `count` ASCII digits starting at `start`, or `nil`.
    static func number(_ scalars: ArraySlice<Unicode.Scalar>, at start: Int, count: Int) -> Int? {
        guard start >= scalars.startIndex, start + count <= scalars.endIndex else { return nil }
        var value = 0
        for scalar in scalars[start..<start + count] {
            guard isDigit(scalar) else { return nil }
            value = value * 10 + Int(scalar.value - 48)
        }
        return value
    }
}
