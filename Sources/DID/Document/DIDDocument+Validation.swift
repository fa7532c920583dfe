internal import Primitives

extension DIDDocument {
    /// Checks the rules of DID Core §5 that need no key material and no other document (the
    /// stateless tier, before any signature is checked):
    /// - every verification method's id is a DID URL of this document with a fragment, and
    ///   ids of methods and services are unique;
    /// - a method has at most one key member, the one its type needs, and a JWK has no private
    ///   members;
    /// - every relationship reference to this DID names a method of this document (references
    ///   to other DIDs cannot be checked without resolving them);
    /// - services and `alsoKnownAs` entries are URIs, service types are non-empty strings and
    ///   endpoints are a URI, a map, or a non-empty set of them.
    /// - Throws: `DIDError.invalidDocument` naming the first rule broken.
    public func validateStructure() throws {
        var ids: Set<String> = []
        let methods = allVerificationMethods
        for method in methods {
            guard method.id.did == id, let fragment = method.id.fragment, !fragment.isEmpty else {
                throw DIDError.invalidDocument("Verification method \(method.id) is not a fragment of \(id).")
            }
            guard ids.insert(method.id.description).inserted else {
                throw DIDError.invalidDocument("The id \(method.id) is used by more than one verification method.")
            }
            try Self.checkKeyMembers(of: method)
        }
        for relationship in VerificationRelationship.allCases {
            for case .reference(let url) in self[relationship] where url.did == id && !ids.contains(url.description) {
                throw DIDError.invalidDocument("\(relationship.rawValue) refers to \(url), which this document does not define.")
            }
        }
        for service in service {
            guard Self.isURI(service.id) else { throw DIDError.invalidDocument("Service id \(service.id) is not a URI.") }
            guard ids.insert(service.id).inserted else {
                throw DIDError.invalidDocument("The id \(service.id) is used more than once in the document.")
            }
            guard !service.type.values.isEmpty, service.type.values.allSatisfy({ !$0.isEmpty }) else {
                throw DIDError.invalidDocument("Service \(service.id) needs a non-empty type.")
            }
            guard Self.isEndpoint(service.serviceEndpoint) else {
                throw DIDError.invalidDocument("Service \(service.id) has an endpoint that is not a URI, a map or a set of them.")
            }
        }
        guard alsoKnownAs.allSatisfy(Self.isURI) else { throw DIDError.invalidDocument("Every alsoKnownAs entry must be a URI.") }
    }

    private static func checkKeyMembers(of method: VerificationMethod) throws {
        guard method.publicKeyJwk == nil || method.publicKeyMultibase == nil else {
            throw DIDError.invalidDocument("Verification method \(method.id) has both publicKeyJwk and publicKeyMultibase.")
        }
        if method.publicKeyJwk?.containsPrivateKey == true {
            throw DIDError.invalidDocument("Verification method \(method.id) publishes private key material.")
        }
        let needsMultibase = method.type == .multikey && method.publicKeyMultibase == nil
        let needsJWK = method.type == .jsonWebKey && method.publicKeyJwk == nil
        guard !needsMultibase, !needsJWK else {
            throw DIDError.invalidDocument("Verification method \(method.id) lacks the key member its type \(method.type) needs.")
        }
    }

    /// RFC 3986 §3.1: a URI starts with `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`.
    static func isURI(_ text: String) -> Bool {
        guard let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = text.utf8[..<colon]
        guard let first = scheme.first, URIGrammar.isAlpha(first) else { return false }
        return scheme.allSatisfy { URIGrammar.isAlpha($0) || URIGrammar.isDigit($0) || "+-.".utf8.contains($0) }
            && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7f }
    }

    private static func isEndpoint(_ endpoint: JSONValue) -> Bool {
        switch endpoint {
        case .string(let uri): isURI(uri)
        case .object: true
        case .array(let items): !items.isEmpty && items.allSatisfy { $0.objectValue != nil || ($0.stringValue.map(isURI) ?? false) }
        default: false
        }
    }
}
