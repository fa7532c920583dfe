import Foundation
import Primitives

/// One parsed (sub)schema: each supported keyword as a typed field, `nil` when absent.
struct SchemaNode: Sendable {
    /// Where this subschema sits in the schema document, as an RFC 6901 pointer.
    var pointer: String
    /// The verdict of a boolean schema (`true` accepts everything, `false` nothing).
    var constantVerdict: Bool?
    var types: [SchemaType]?
    var properties: [(name: String, node: SchemaNode)] = []
    var required: [String] = []
    var enumValues: [JSONValue]?
    var constValue: JSONValue?
    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaPattern?
    var format: SchemaFormat?
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    // Arrays give the recursion the indirection a struct needs; each holds at most one node.
    private var itemsStorage: [SchemaNode] = []
    private var additionalPropertiesStorage: [SchemaNode] = []

    init(pointer: String) {
        self.pointer = pointer
    }

    var items: SchemaNode? {
        get { itemsStorage.first }
        set { itemsStorage = newValue.map { [$0] } ?? [] }
    }

    var additionalProperties: SchemaNode? {
        get { additionalPropertiesStorage.first }
        set { additionalPropertiesStorage = newValue.map { [$0] } ?? [] }
    }
}

/// A compiled `pattern` with its source, so violations can quote it.
struct SchemaPattern: Sendable {
    let source: String
    let regex: NSRegularExpression
    /// Progress reports the regular-expression engine may make before matching is abandoned
    /// (``SchemaLimits/maxPatternWork``).
    let maxWork: Int

    /// The outcome of matching.
    enum Match: Equatable {
        case matches, noMatch
        /// The engine reported progress `maxWork` times without an answer: a pattern that
        /// backtracks catastrophically on this input, such as `^(a+)+$`.
        case tooCostly
    }

    /// Whether the pattern matches anywhere in `string`: JSON Schema patterns are not
    /// implicitly anchored (draft 2020-12 validation §6.3.3).
    ///
    /// The engine reports progress every few thousand backtracking steps; counting the reports
    /// bounds the work deterministically (no clock), so a schema registered by anyone cannot
    /// hold a verifier's thread. A match takes at most `maxWork` reports and at most what is
    /// left of `budget`; with the budget spent, it does not run at all.
    func match(_ string: String, budget: inout PatternBudget) -> Match {
        let allowed = min(maxWork, budget.remaining)
        guard allowed > 0 else { return .tooCostly }
        var found = false, reports = 0, abandoned = false
        regex.enumerateMatches(in: string, options: [.reportProgress], range: NSRange(string.startIndex..., in: string)) { result, _, stop in
            if result != nil {
                found = true
                stop.pointee = true
            } else {
                reports += 1
                if reports >= allowed {
                    abandoned = true
                    stop.pointee = true
                }
            }
        }
        budget.spend(reports)
        return found ? .matches : abandoned ? .tooCostly : .noMatch
    }
}
