import Primitives

extension AuditQuery {
    /// The members the query adds to a signed request: `kind`, its parameter and `scope`.
    var jsonMembers: JSONObject {
        var object: JSONObject = ["kind": .string(name)]
        switch kind {
        case .link(let id): object["transactionId"] = .string(id.description)
        case .trace(let handle): object["memberHandle"] = .string(handle.description)
        case .log: break
        }
        if let scope { object["scope"] = .object(scope.json) }
        return object
    }

    /// The member names a query of this kind may carry.
    static func memberNames(kind: String) -> Set<String> {
        switch kind {
        case "link": ["kind", "transactionId", "scope"]
        case "trace": ["kind", "memberHandle", "scope"]
        default: ["kind", "scope"]
        }
    }

    /// Reads the query members of a signed request.
    /// - Throws: `ChainError.invalidBody` for an unknown kind or a malformed parameter.
    init(members object: JSONObject) throws(ChainError) {
        let scope = try object["scope"].map { value throws(ChainError) in try AuditorScope(json: value) }
        switch object["kind"]?.stringValue {
        case "link":
            guard let hex = object["transactionId"]?.stringValue, let id = try? TransactionID(hex: hex) else {
                throw .invalidBody("A link query needs 'transactionId', 64 hex digits.")
            }
            self.init(.link(id), scope: scope)
        case "trace":
            guard let hex = object["memberHandle"]?.stringValue, let handle = try? MemberHandle(hex: hex) else {
                throw .invalidBody("A trace query needs 'memberHandle', 64 hex digits.")
            }
            self.init(.trace(handle), scope: scope)
        case "log":
            self.init(.log, scope: scope)
        default:
            throw .invalidBody("An audit query's 'kind' is 'link', 'trace' or 'log'.")
        }
    }
}
