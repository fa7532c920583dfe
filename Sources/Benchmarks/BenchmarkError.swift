/// Why a benchmark could not produce its figures: a step it times failed, or what it made does
/// not check out afterwards (a figure over failed work would be meaningless).
package struct BenchmarkError: Error, CustomStringConvertible, Sendable {
    /// One sentence saying what went wrong.
    package let reason: String

    /// A failure described by `reason`.
    package init(_ reason: String) { self.reason = reason }

    package var description: String { reason }
}
