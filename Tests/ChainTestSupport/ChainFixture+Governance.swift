package import Chain
package import Primitives
package import Testing

/// Governance helpers shared by the governance tests.
extension ChainFixture {
    /// The namespaces governance actions change.
    package static let governed = [ChainNamespace.node, ChainNamespace.member, ChainNamespace.config,
                           ChainNamespace.committee, ChainNamespace.auditor]

    /// An `admitNode` action for `key`, with an optional nonce.
    package static func admitNode(_ key: Secp256k1PrivateKey, nonce: String? = nil) -> GovernanceAction {
        admitNode(SigningKey.bip340(key), nonce: nonce)
    }

    /// An `admitNode` action for a node key of either scheme, with an optional nonce.
    package static func admitNode(_ key: SigningKey, nonce: String? = nil) -> GovernanceAction {
        var parameters: JSONObject = ["nodeId": .string(Hex.encode(key.publicKey))]
        if let nonce { parameters["nonce"] = .string(nonce) }
        return GovernanceAction(kind: "admitNode", parameters: parameters)
    }

    /// The committee ids that approved `action` so far and whether it executed, or `nil` before any approval.
    package func proposal(_ action: GovernanceAction) throws -> (approvals: [String], executed: Bool)? {
        guard let bytes = try store.value(namespace: ChainNamespace.proposal, key: action.proposalId) else { return nil }
        let record = try JSONValue(parsing: bytes)
        return ((record["approvals"]?.arrayValue ?? []).compactMap(\.stringValue), record["executed"]?.boolValue ?? false)
    }

    /// Submits `transaction` expecting `code`, and checks the governed namespaces and proposals are unchanged.
    package func expectGovernanceRefusal(_ code: ChainError.Code, _ transaction: Transaction,
                                 sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let before = try snapshot(Self.governed + [ChainNamespace.proposal])
        await #expect(throws: ChainError(code, ""), sourceLocation: sourceLocation) { try await node.submit(transaction) }
        #expect(try snapshot(Self.governed + [ChainNamespace.proposal]) == before, sourceLocation: sourceLocation)
    }
}
