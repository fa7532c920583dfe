package import Chain
package import Credentials
package import Primitives

/// Reads of chain state that clients acting through the node need to finish a command (the
/// CPT a registration made, whether an approval executed).
extension NodeRuntime {
    /// A registered CPT, or `nil`.
    /// - Throws: `ChainError` when the state cannot be read.
    package func registeredSchema(_ id: CPTIdentifier) throws -> RegisteredSchema? { try credentialRegistry().schema(id) }

    /// The CPT a `cpt.register` transaction registered, or `nil`.
    /// - Throws: `ChainError` when the state cannot be read.
    package func registeredSchema(registeredBy transaction: TransactionID) throws -> RegisteredSchema? {
        try credentialRegistry().schemaIdentifier(registeredBy: transaction).flatMap { try credentialRegistry().schema($0) }
    }

    /// A governance proposal's approvals, or `nil` before any.
    /// - Throws: `ChainError` when the state cannot be read or the record is not JSON.
    package func proposal(_ proposalId: [UInt8]) throws -> GovernanceProposalState? {
        guard let bytes = try store.value(namespace: ChainNamespace.proposal, key: proposalId) else { return nil }
        guard let record = try? JSONValue(parsing: bytes) else {
            throw ChainError(.corruptLedger, "The proposal record \(Hex.encode(proposalId)) is not JSON.")
        }
        return GovernanceProposalState(approvals: (record["approvals"]?.arrayValue ?? []).compactMap(\.stringValue),
                                       executed: record["executed"]?.boolValue ?? false)
    }
}
