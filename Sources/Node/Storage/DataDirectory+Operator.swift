package import KeyCustody
package import Primitives

extension DataDirectory {
    /// The operator's member key (`keys/operator.key`) in a custodian of its own: what carries
    /// the operator's transactions, such as its committee approvals, locally or through a node.
    /// - Throws: `NodeError` when the key file is missing.
    package func operatorMember() throws -> CustodyKey {
        let custodian = InMemoryCustodian()
        custodian.add(try secp256k1Key("operator"), as: KeyReference("operator"))
        return (custodian, KeyReference("operator"))
    }

    /// The operator's committee member id and key, which sign its governance approvals.
    /// - Throws: `NodeError` when the key file is missing.
    package func operatorCommitteeKey() throws -> (approver: String, key: Secp256k1PrivateKey) {
        ("operator", try secp256k1Key("committee-operator"))
    }
}
