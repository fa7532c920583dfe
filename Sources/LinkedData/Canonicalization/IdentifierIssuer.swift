/// The identifier issuer of RDFC-1.0 (section 4.5): issues `prefix0`, `prefix1`, … to
/// existing identifiers in the order first asked, remembering the order. A value type, so
/// copying it is the specification's "copy of issuer".
struct IdentifierIssuer {
    let prefix: String
    private var counter = 0
    private(set) var issued: [String: String] = [:]
    /// The existing identifiers in the order issued.
    private(set) var order: [String] = []

    init(prefix: String) {
        self.prefix = prefix
    }

    /// The identifier issued for `existing`, issuing a new one if there is none.
    mutating func issue(_ existing: String) -> String {
        if let identifier = issued[existing] { return identifier }
        let identifier = prefix + String(counter)
        counter += 1
        issued[existing] = identifier
        order.append(existing)
        return identifier
    }

    /// A new identifier for a node that had none (JSON-LD's generated blank nodes).
    mutating func issueUnnamed() -> String {
        let identifier = prefix + String(counter)
        counter += 1
        return identifier
    }

    /// The identifier issued for `existing`, if any.
    func identifier(for existing: String) -> String? {
        issued[existing]
    }
}
