public import Primitives

/// A credential schema ("CPT" in WeIdentity): a JSON Schema (draft 2020-12 subset) that a
/// credential subject must satisfy.
///
/// Parsing refuses every keyword and `format` it does not implement, so no constraint the
/// issuer wrote is silently ignored. Supported: `$schema`, `$id`, `title`, `description`,
/// `type`, `properties`, `required`, `additionalProperties`, `enum`, `const`, `minLength`,
/// `maxLength`, `pattern`, `format` (`date`, `date-time`, `email`, `uri`), `minimum`,
/// `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`, `items`, `minItems`,
/// `maxItems`, `uniqueItems`, and the boolean schemas `true` and `false`.
public struct CredentialSchema: Sendable {
    /// The schema's `$id`, if it declares one.
    public let id: String?
    /// The schema's `title`, if it declares one.
    public let title: String?
    /// The schema as given, for storing or publishing it unchanged.
    public let document: JSONValue
    let root: SchemaNode

    /// Parses a schema document.
    /// - Parameters:
    ///   - document: The schema, an object or a boolean.
    ///   - limits: The caps on nesting and size.
    /// - Throws: `CredentialsError.invalidSchema` naming the keyword and its JSON pointer when
    ///   a keyword or format is unsupported or malformed, or a limit is exceeded.
    public init(_ document: JSONValue, limits: SchemaLimits = .default) throws {
        var parser = SchemaParser(limits: limits)
        self.root = try parser.parse(document)
        self.document = document
        self.id = document["$id"]?.stringValue
        self.title = document["title"]?.stringValue
    }

    /// Parses a schema from its JSON text.
    /// - Parameters:
    ///   - text: The schema as JSON text.
    ///   - limits: The caps on nesting and size.
    /// - Throws: `CredentialsError.invalidSchema` if the text is not JSON or the schema is refused.
    public init(parsing text: String, limits: SchemaLimits = .default) throws {
        let document: JSONValue
        do {
            document = try JSONValue(parsing: text, limits: JSONParsingLimits(maxDepth: 2 * limits.maxDepth + 2))
        } catch {
            throw CredentialsError.invalidSchema("The schema is not valid JSON: \(error).")
        }
        try self.init(document, limits: limits)
    }

    /// Checks a credential subject against the schema.
    /// - Parameter instance: The value to check, usually the `credentialSubject`.
    /// - Returns: Every violation found, in document order; empty when `instance` is valid.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        var budget = PatternBudget()
        return validate(instance, budget: &budget)
    }

    /// Checks a credential subject against the schema, drawing pattern-matching work from a
    /// budget the caller shares across every check of one verification.
    /// - Parameters:
    ///   - instance: The value to check.
    ///   - budget: The pattern work left; reduced by what the matches took.
    /// - Returns: Every violation found, in document order; a `pattern` the budget cannot pay
    ///   for is a violation.
    public func validate(_ instance: JSONValue, budget: inout PatternBudget) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        root.validate(instance, at: "", into: &violations, budget: &budget)
        return violations
    }

    /// Whether `instance` satisfies the schema.
    /// - Parameter instance: The value to check.
    /// - Returns: `true` when ``validate(_:)`` finds no violation.
    public func accepts(_ instance: JSONValue) -> Bool {
        validate(instance).isEmpty
    }
}
