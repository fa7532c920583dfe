/// An instant as DID Core and DID Resolution write it: an XML Schema `dateTime` (RFC 3339
/// profile), normalised to UTC with whole seconds, such as `2021-05-10T17:00:00Z`.
///
/// Used for the `versionTime` DID parameter and for `created`/`updated` document metadata.
/// Parsing accepts a zone offset and fractional seconds and normalises them away, so
/// ``description`` is always the canonical form:
/// ```swift
/// DIDDateTime(parsing: "2021-05-10T19:00:00.5+02:00")?.description  // "2021-05-10T17:00:00Z"
/// ```
public struct DIDDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before it).
    public let secondsSince1970: Int64

    /// Makes the instant `secondsSince1970` seconds after the Unix epoch.
    /// - Parameter secondsSince1970: whole seconds since 1970-01-01T00:00:00Z.
    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// Parses `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)` for years 0001 to 9999.
    ///
    /// The zone is required: without it an XML `dateTime` names no single instant. Fractional
    /// seconds are dropped, as DID Core asks for whole seconds.
    /// - Parameter text: the date-time text.
    /// - Returns: `nil` when `text` is not such a date-time or names an impossible date.
    public init?(parsing text: String) {
        let chars = Array(text.utf8)
        guard chars.count >= 20, let year = Self.number(chars, 0, 4), let month = Self.number(chars, 5, 2),
              let day = Self.number(chars, 8, 2), let hour = Self.number(chars, 11, 2),
              let minute = Self.number(chars, 14, 2), let second = Self.number(chars, 17, 2),
              chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"), chars[10] == UInt8(ascii: "T"),
              chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":"),
              year >= 1, (1...12).contains(month), (1...Self.daysIn(month, year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var rest = chars[19...]
        if rest.first == UInt8(ascii: ".") {
            let digits = rest.dropFirst().prefix(while: URIGrammar.isDigit)
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(1 + digits.count)
        }
        guard let offset = Self.zoneOffsetSeconds(Array(rest)) else { return nil }
        let days = Self.daysSince1970(year: year, month: month, day: day)
        secondsSince1970 = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offset
    }

    /// The canonical form `YYYY-MM-DDThh:mm:ssZ` (a year outside 0000–9999 with all its digits and its sign).
    public var description: String {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let secondOfDay = Int(secondsSince1970 - days * 86_400)
        let (year, month, day) = Self.civil(fromDays: days)
        // Written digit by digit into 20 bytes: verification reasons format several times per
        // credential, and interpolating padded pieces allocated a dozen strings each time.
        guard (0...9999).contains(year) else {
            func pad(_ value: Int, _ width: Int) -> String {
                let digits = String(value)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            let yearText = year < 0 ? "-" + pad(-year, 4) : pad(year, 4)
            return "\(yearText)-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
                + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
        }
        return String(unsafeUninitializedCapacity: 20) { buffer in
            func put(_ value: Int, _ width: Int, at position: Int) {
                var value = value
                for index in stride(from: position + width - 1, through: position, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, 4, at: 0); buffer[4] = UInt8(ascii: "-"); put(month, 2, at: 5); buffer[7] = UInt8(ascii: "-")
            put(day, 2, at: 8); buffer[10] = UInt8(ascii: "T"); put(secondOfDay / 3600, 2, at: 11); buffer[13] = UInt8(ascii: ":")
            put(secondOfDay / 60 % 60, 2, at: 14); buffer[16] = UInt8(ascii: ":"); put(secondOfDay % 60, 2, at: 17)
            buffer[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    /// Earlier instants first.
    public static func < (lhs: DIDDateTime, rhs: DIDDateTime) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    private static func number(_ chars: [UInt8], _ start: Int, _ width: Int) -> Int? {
        let digits = chars[start..<start + width]
        guard digits.allSatisfy(URIGrammar.isDigit) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func zoneOffsetSeconds(_ zone: [UInt8]) -> Int64? {
        if zone == Array("Z".utf8) { return 0 }
        guard zone.count == 6, zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"),
              zone[3] == UInt8(ascii: ":"), let hours = number(zone, 1, 2), let minutes = number(zone, 4, 2),
              hours <= 14, minutes < 60
        else { return nil }
        let seconds = Int64(hours * 3600 + minutes * 60)
        return zone[0] == UInt8(ascii: "+") ? seconds : -seconds
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian calendar.
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = Int64((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
