import Primitives

/// Executes `setAuditorScope`, the committee's action that limits what an auditor may query:
/// `{"kind": "setAuditorScope", "id": "<auditor id>", "scope": {"from"?, "to"?, "types"?}}`.
/// The scope is kept in namespace `auditScope` under the auditor's id; an auditor without one
/// may query everything, so set a restricted auditor's scope before admitting it.
struct AuditScopeExecutor: GovernanceExecutor {
    /// The state namespace of scopes, keyed by auditor id.
    static let namespace = ChainNamespace.auditScope

    let kinds = ["setAuditorScope"]

    func validate(_ action: GovernanceAction) throws {
        _ = try action.string("id")
        _ = try Self.scope(in: action)
    }

    func execute(_ action: GovernanceAction, context: TransactionContext, state: StateTransaction) throws {
        let scope = try Self.scope(in: action)
        state.put(namespace: Self.namespace, key: Array(try action.string("id").utf8),
                  value: JCS.canonicalize(.object(scope.json)))
    }

    /// The scope an auditor may query: the committee's, or ``AuditorScope/all`` if none was set.
    /// - Throws: `ChainError.corruptLedger` when the stored scope cannot be read.
    static func scope(of auditor: String, in state: any StateReader) throws -> AuditorScope {
        guard let bytes = try state.value(namespace: namespace, key: Array(auditor.utf8)) else { return .all }
        guard let json = try? JSONValue(parsing: bytes), let scope = try? AuditorScope(json: json) else {
            throw ChainError(.corruptLedger, "The stored scope of auditor '\(auditor)' cannot be read.")
        }
        return scope
    }

    private static func scope(in action: GovernanceAction) throws(ChainError) -> AuditorScope {
        guard let json = action.object["scope"] else { throw .invalidBody("'setAuditorScope' needs a 'scope' object.") }
        return try AuditorScope(json: json)
    }
}
