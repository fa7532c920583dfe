import Primitives

/// One term definition of an active context (JSON-LD 1.1 API section 4.1).
struct TermDefinition: Equatable, Sendable {
    /// The IRI (or keyword) the term expands to; `nil` for a term defined as `null`.
    var iriMapping: String?
    var prefix = false
    var protected = false
    var reverseProperty = false
    var baseURL: String?
    /// The property-scoped (or type-scoped) context.
    var localContext: JSONValue?
    var containerMapping: [String] = []
    /// `.some(nil)` is an explicit `null` direction.
    var directionMapping: String??
    var indexMapping: String?
    /// `.some(nil)` is an explicit `null` language.
    var languageMapping: String??
    var nestValue: String?
    var typeMapping: String?

    func hasContainer(_ keyword: String) -> Bool {
        containerMapping.contains(keyword)
    }

    /// Equality ignoring the protected flag, as protected term redefinition compares them.
    func sameAs(_ other: TermDefinition) -> Bool {
        var left = self
        var right = other
        left.protected = false
        right.protected = false
        return left == right
    }
}
