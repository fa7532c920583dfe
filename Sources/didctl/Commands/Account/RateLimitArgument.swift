import Node
import ArgumentParser

/// A delegate's rate limit given as `N/PERIOD`: `5/h`, `10/30m`, `100/d`, `2/90s`, `1/500ms`.
struct RateLimitArgument: ExpressibleByArgument {
    let count: UInt64
    let perMilliseconds: UInt64

    /// As help prints a default: the form a user types.
    var defaultValueDescription: String {
        let unit = Self.units.last { perMilliseconds % $0.milliseconds == 0 } ?? Self.units[0]
        let amount = perMilliseconds / unit.milliseconds
        return "\(count)/\(amount == 1 ? "" : String(amount))\(unit.suffix)"
    }

    static let units: [(suffix: String, milliseconds: UInt64)] = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let count = UInt64(parts[0]), count > 0,
              let unit = Self.units.first(where: { parts[1].hasSuffix($0.suffix) && Self.amount(parts[1].dropLast($0.suffix.count)) != nil })
        else { return nil }
        let (period, overflow) = Self.amount(parts[1].dropLast(unit.suffix.count))!.multipliedReportingOverflow(by: unit.milliseconds)
        guard !overflow else { return nil }
        (self.count, perMilliseconds) = (count, period)
    }

    /// The number before a unit: none means 1; otherwise a positive whole number.
    private static func amount(_ text: Substring) -> UInt64? {
        guard !text.isEmpty else { return 1 }
        guard let value = UInt64(text), value > 0 else { return nil }
        return value
    }

    init(count: UInt64, perMilliseconds: UInt64) {
        self.count = count
        self.perMilliseconds = perMilliseconds
    }

    static let help = "N/PERIOD with PERIOD a number and ms, s, m, h or d, such as 5/h or 10/30m"
}
