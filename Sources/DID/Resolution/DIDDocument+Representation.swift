import Primitives

extension DIDDocument {
    /// The document as `contentType` presents it (`specs/did-method.md` §4.1). The data model is
    /// the same in each; only `@context` differs:
    /// - `application/did` (DID 1.1 §6): `@context` is required and its first entry is the DID
    ///   1.1 context;
    /// - `application/did+ld+json` (DID 1.0 §6.3): the DID 1.0 context first;
    /// - `application/did+json` (DID 1.0 §6.2): no `@context`, which belongs to JSON-LD only.
    ///
    /// A stored document may carry either version's context (a client updates what it
    /// resolved), so the first entry is replaced when it is either one, and added otherwise;
    /// the other entries stay.
    package func represented(as contentType: String) -> DIDDocument {
        var represented = self
        switch contentType {
        case DIDMediaType.didJSON: represented.context = nil
        case DIDMediaType.did: represented.context = Self.contextList(context, first: Self.didContextV11)
        case DIDMediaType.didLDJSON: represented.context = Self.contextList(context, first: Self.didContext)
        default: break
        }
        return represented
    }

    /// `context` with `first` as its first entry, in place of either DID context.
    private static func contextList(_ context: JSONValue?, first: String) -> JSONValue {
        var rest: [JSONValue] = switch context {
        case .array(let entries)?: entries
        case let entry?: [entry]
        case nil: []
        }
        if let entry = rest.first, entry == .string(didContext) || entry == .string(didContextV11) { rest.removeFirst() }
        return rest.isEmpty ? .string(first) : .array([.string(first)] + rest)
    }
}
