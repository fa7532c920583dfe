#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A member name that compares and hashes by its UTF-8 bytes (equivalently, its Unicode
/// scalars), because JSON and JCS treat canonically equivalent names such as `"é"` and
/// `"e\u{301}"` as different names while Swift's `String ==` treats them as equal.
struct JSONKey: Hashable, Sendable {
    /// The name, stored as contiguous UTF-8 so hashing can read its bytes directly.
    let string: String

    init(_ string: String) {
        var string = string
        string.makeContiguousUTF8()
        self.string = string
    }

    static func == (lhs: JSONKey, rhs: JSONKey) -> Bool { sameBytes(lhs.string, rhs.string) }

    /// Byte equality of two strings' UTF-8, with one memory comparison when both are
    /// contiguous (native strings are).
    static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        let fast: Bool? = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
            }
        } ?? nil
        return fast ?? lhs.utf8.elementsEqual(rhs.utf8)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(string.utf8.count)
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        // Unreachable after `makeContiguousUTF8`, kept so hashing never silently skips bytes.
        if hashed == nil {
            for byte in string.utf8 { hasher.combine(byte) }
        }
    }
}
