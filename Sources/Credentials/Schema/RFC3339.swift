/// RFC 3339 §5.6 `full-date` and `date-time`, with the day-of-month and leap-second rules of
/// §5.7 that a grammar alone cannot express.
enum RFC3339 {
    /// `YYYY-MM-DD` exactly, with a day that exists in that month.
    static func isFullDate(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let base = scalars.startIndex
        guard scalars.count == 10, scalars[base + 4] == "-", scalars[base + 7] == "-",
              let year = ASCII.number(scalars, at: base, count: 4),
              let month = ASCII.number(scalars, at: base + 5, count: 2),
              let day = ASCII.number(scalars, at: base + 8, count: 2),
              (1...12).contains(month) else { return false }
        return (1...daysIn(month: month, year: year)).contains(day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `full-date "T" full-time`; `T` and `Z` may be lower case (RFC 3339 §5.6 note).
    static func isDateTime(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count >= 20, "Tt".unicodeScalars.contains(scalars[10]),
              isFullDate(scalars[0..<10]) else { return false }
        return isFullTime(scalars[11...])
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)`, where second 60 is only allowed at 23:59 UTC.
    private static func isFullTime(_ time: ArraySlice<Unicode.Scalar>) -> Bool {
        let base = time.startIndex
        guard time.count >= 9, time[base + 2] == ":", time[base + 5] == ":",
              let hour = ASCII.number(time, at: base, count: 2),
              let minute = ASCII.number(time, at: base + 3, count: 2),
              let second = ASCII.number(time, at: base + 6, count: 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = base + 8
        if index < time.endIndex, time[index] == "." {
            let digits = time[(index + 1)...].prefix(while: ASCII.isDigit)
            guard !digits.isEmpty else { return false }
            index += 1 + digits.count
        }
        guard index < time.endIndex else { return false }
        var offsetMinutes = 0
        if "Zz".unicodeScalars.contains(time[index]), index + 1 == time.endIndex {
            offsetMinutes = 0
        } else if "+-".unicodeScalars.contains(time[index]), index + 6 == time.endIndex, time[index + 3] == ":",
                  let offsetHour = ASCII.number(time, at: index + 1, count: 2),
                  let offsetMinute = ASCII.number(time, at: index + 4, count: 2),
                  offsetHour <= 23, offsetMinute <= 59 {
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (time[index] == "-" ? -1 : 1)
        } else {
            return false
        }
        guard second == 60 else { return true }
        let utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
        return utcMinutes == 23 * 60 + 59
    }
}
