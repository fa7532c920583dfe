/// An RDF literal: a lexical form with a datatype IRI, and a language tag when the datatype is
/// `rdf:langString`.
public struct Literal: Hashable, Sendable {
    /// The lexical form.
    public let lexicalForm: String
    /// The datatype IRI (`xsd:string` for simple literals, `rdf:langString` for tagged ones).
    public let datatype: String
    /// The language tag of an `rdf:langString` literal.
    public let language: String?

    /// `http://www.w3.org/2001/XMLSchema#string`, the datatype of simple literals.
    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    /// `http://www.w3.org/1999/02/22-rdf-syntax-ns#langString`, the datatype of tagged literals.
    public static let rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

    /// Creates a literal.
    /// - Parameters:
    ///   - lexicalForm: The lexical form.
    ///   - datatype: The datatype IRI; ignored (set to `rdf:langString`) when `language` is given.
    ///   - language: The language tag, for a language-tagged string.
    public init(_ lexicalForm: String, datatype: String = Literal.xsdString, language: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language
        self.datatype = language == nil ? datatype : Literal.rdfLangString
    }
}
