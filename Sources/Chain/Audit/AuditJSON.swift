import Primitives

/// Reading helpers shared by the audit JSON forms: exact integer times and strict member sets.
enum AuditJSON {
    /// Times are JSON numbers, so they must stay exact in a double.
    static let maximumMilliseconds: UInt64 = 1 << 53

    /// A time in milliseconds, or `nil` when the member is absent.
    /// - Throws: `ChainError.invalidBody` for anything but a whole number in 0...2⁵³.
    static func milliseconds(_ value: JSONValue?, name: String) throws(ChainError) -> UInt64? {
        guard let value else { return nil }
        guard let number = value.doubleValue, number >= 0, number <= Double(maximumMilliseconds),
              number.rounded(.towardZero) == number else {
            throw .invalidBody("'\(name)' is a whole number of milliseconds since 1970.")
        }
        return UInt64(number)
    }

    /// A time as a JSON number.
    static func number(_ milliseconds: UInt64) -> JSONValue { .number(Double(milliseconds)) }

    /// Refuses members other than `allowed`: a signed object must not carry what the reader drops.
    /// - Throws: `ChainError.invalidBody` naming the first unknown member.
    static func requireOnly(_ object: JSONObject, _ allowed: Set<String>, in what: String) throws(ChainError) {
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw .invalidBody("\(what) has an unknown member '\(unknown)'.")
        }
    }
}
