/// A DID Core value that may be written as one item or as a set of items (a document's
/// `controller`, a service's `type`), kept in the form it was written so that JSON round-trips.
public enum OneOrMany<Element: Hashable & Sendable>: Hashable, Sendable {
    /// A single item, written without brackets.
    case one(Element)
    /// A set of items, written as a JSON array.
    case many([Element])

    /// The items in order, whichever form was written.
    public var values: [Element] {
        switch self {
        case .one(let element): [element]
        case .many(let elements): elements
        }
    }
}
