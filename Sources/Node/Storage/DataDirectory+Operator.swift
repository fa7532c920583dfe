import Foundation
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

    /// The committee id `didctl init` gives the operator.
    package static let operatorCommitteeID = "operator"

    /// The operator's committee member id and key, which sign its governance approvals.
    /// - Throws: `NodeError` when the key file is missing.
    package func operatorCommitteeKey() throws -> (approver: String, key: Secp256k1PrivateKey) {
        try committeeKey(Self.operatorCommitteeID)
    }

    /// A committee member's key kept in this directory as `keys/committee-ID.key` (the
    /// operator's from `didctl init`, or another member's that its holder put there).
    /// - Throws: `NodeError` naming the file when it is missing.
    package func committeeKey(_ id: String) throws -> (approver: String, key: Secp256k1PrivateKey) {
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }), !id.isEmpty else {
            throw NodeError.refusal("A committee member id is letters, digits, '-', '_' or '.', not '\(id)'.")
        }
        let path = keysURL.appendingPathComponent("committee-\(id).key").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw NodeError.refusal("This data directory holds no committee key of '\(id)' (\(path)); approve where that key is.")
        }
        return (id, try secp256k1Key("committee-\(id)"))
    }

    /// Whether this directory holds the committee key of `id`.
    package func holdsCommitteeKey(_ id: String) -> Bool {
        FileManager.default.fileExists(atPath: keysURL.appendingPathComponent("committee-\(id).key").path)
    }
}
