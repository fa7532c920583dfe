import Primitives

/// The I-JSON parser and the JCS canonicalizer: whatever parses has one canonical form, which
/// parses back to an equal value and is its own canonical form.
enum JSONHarness {
    static func run(_ input: [UInt8]) {
        guard let value = try? JSONValue(parsing: input) else { return }
        let canonical = JCS.canonicalize(value)
        guard let reparsed = try? JSONValue(parsing: canonical) else {
            FuzzCheck.require(false, "the canonical form of a parsed value parses")
            return
        }
        FuzzCheck.require(reparsed == value, "the canonical form parses to an equal value")
        FuzzCheck.require(JCS.canonicalize(reparsed) == canonical, "canonicalization is idempotent")
        FuzzCheck.require((try? JCS.canonicalize(json: input)) == canonical, "both canonicalize entry points agree")
    }
}
