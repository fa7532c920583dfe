public import Primitives

/// A JWT NumericDate (RFC 7519 §2) as Chancery accepts it: whole seconds since
/// 1970-01-01T00:00:00Z, from 0 to 253,402,300,799 (9999-12-31T23:59:59Z), the years an XML
/// Schema `dateTimeStamp` can name.
///
/// Every time claim of a JWT, SD-JWT, key-binding JWT or presentation JWT (`exp`, `nbf`,
/// `iat`) is read through ``init(claim:in:)``, which is total: a value outside the range, a
/// fraction, or anything but a JSON number is refused with a named reason, never converted
/// with a trap (`Int64(1e19)`) or an overflow (`1e16 * 1000`).
/// ```swift
/// let exp = try NumericDate(claim: "exp", in: payload)   // nil when absent
/// exp?.milliseconds                                     // what the verifier compares
/// ```
public struct NumericDate: Sendable, Hashable, Comparable {
    /// The accepted seconds: 1970 up to the last second of year 9999.
    public static let range: ClosedRange<Int64> = 0...253_402_300_799

    /// Seconds since 1970, within ``range``.
    public let seconds: Int64

    /// Milliseconds since 1970; cannot overflow, as ``range`` ends near 2.5 × 10¹¹ seconds.
    public var milliseconds: Int64 { seconds * 1000 }

    /// Why a claim is not a NumericDate.
    public enum Refusal: String, Sendable, Hashable {
        /// The claim is a string, object, boolean or null.
        case notANumber
        /// The number has a fractional part (a fraction of a second is never meaningful here).
        case notAnInteger
        /// The number lies before 1970 or after the year 9999.
        case outOfRange
    }

    /// Makes a date from whole seconds.
    /// - Parameter seconds: seconds since 1970.
    /// - Returns: `nil` when `seconds` lies outside ``range``.
    public init?(seconds: Int64) {
        guard Self.range.contains(seconds) else { return nil }
        self.seconds = seconds
    }

    /// A JSON value read as a NumericDate: the date, or why it is not one.
    public enum Reading: Sendable, Hashable {
        /// The value is a NumericDate.
        case date(NumericDate)
        /// The value is refused.
        case refused(Refusal)

        /// The date, when the value is one.
        public var date: NumericDate? {
            if case .date(let date) = self { return date }
            return nil
        }
    }

    /// Reads a JSON value as a NumericDate.
    /// - Parameter value: the claim's value.
    /// - Returns: the date, or why the value is not one.
    public static func reading(_ value: JSONValue) -> Reading {
        guard let number = value.doubleValue else { return .refused(.notANumber) }
        guard number.isFinite else { return .refused(.outOfRange) }
        guard number == number.rounded(.towardZero) else { return .refused(.notAnInteger) }
        // Compared as doubles before converting: `Int64(exactly:)` is then total, and both
        // bounds are exact in a double.
        guard number >= Double(range.lowerBound), number <= Double(range.upperBound),
              let seconds = Int64(exactly: number), let date = NumericDate(seconds: seconds) else {
            return .refused(.outOfRange)
        }
        return .date(date)
    }

    /// Reads the time claim `claim` of a JWT payload.
    /// - Parameters:
    ///   - claim: `exp`, `nbf` or `iat`.
    ///   - payload: the JWT claims.
    /// - Returns: the date, or `nil` when the claim is absent.
    /// - Throws: `CredentialsError.invalidNumericDate` naming the claim and the refusal.
    public init?(claim: String, in payload: JSONObject) throws {
        guard let value = payload[claim] else { return nil }
        switch Self.reading(value) {
        case .date(let date): self = date
        case .refused(let refusal): throw CredentialsError.invalidNumericDate(claim: claim, refusal)
        }
    }

    /// Earlier dates first.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.seconds < rhs.seconds }
}

extension NumericDate.Refusal {
    /// One sentence for the refusal.
    var sentence: String {
        switch self {
        case .notANumber: "is not a number"
        case .notAnInteger: "is not a whole number of seconds"
        case .outOfRange: "lies outside 0...\(NumericDate.range.upperBound) (1970 to the year 9999)"
        }
    }
}
