import Foundation

/// RFC 6901 pointer building, kept internal because callers only read the finished strings.
enum JSONPointer {
    /// `base` extended by one reference token, escaped as RFC 6901 §3 requires (`~` before `/`,
    /// so that `~1` in a name does not become `/`).
    static func appending(_ base: String, _ token: String) -> String {
        // Most names need no escaping; skip Foundation's search for them (validation builds a
        // pointer for every member it visits).
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return base + "/" + token }
        return base + "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func appending(_ base: String, _ index: Int) -> String {
        base + "/" + String(index)
    }
}
