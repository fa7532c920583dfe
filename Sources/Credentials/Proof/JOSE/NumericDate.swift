/// Conversions between JWT NumericDate (RFC 7519 §2, seconds since 1970 UTC) and the
/// `dateTime` text VC DM 1.1 writes (`2024-03-05T22:24:36Z`), for the legacy VC-JWT mapping.
enum NumericDate {
    /// `YYYY-MM-DDTHH:MM:SSZ` for whole seconds since 1970 (proleptic Gregorian, UTC).
    static func dateTime(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    /// Whole seconds since 1970 of an RFC 3339 `date-time` (fractions dropped), or `nil`.
    static func seconds(_ dateTime: String) -> Int64? {
        let text = Array(dateTime.utf8)
        func number(_ start: Int, _ count: Int) -> Int64? {
            guard start + count <= text.count else { return nil }
            var value: Int64 = 0
            for byte in text[start..<(start + count)] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard text.count >= 20, text[4] == 45, text[7] == 45, text[10] | 0x20 == 116, text[13] == 58, text[16] == 58,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        var index = 19
        if text[index] == 46 {
            index += 1
            while index < text.count, (48...57).contains(text[index]) { index += 1 }
        }
        guard index < text.count else { return nil }
        var offset: Int64 = 0
        if text[index] | 0x20 == 122, index + 1 == text.count {
            offset = 0
        } else if text[index] == 43 || text[index] == 45, index + 6 == text.count, text[index + 3] == 58,
                  let offsetHour = number(index + 1, 2), let offsetMinute = number(index + 4, 2) {
            offset = (offsetHour * 60 + offsetMinute) * 60 * (text[index] == 45 ? -1 : 1)
        } else {
            return nil
        }
        return days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    // Howard Hinnant's days_from_civil and civil_from_days.
    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
