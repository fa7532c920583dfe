package import DID
package import KeyCustody
package import Primitives

/// A custodian and a key in it: what signs one message.
package typealias CustodyKey = (custodian: any KeyCustodian, key: KeyReference)

/// An account's custodian, opened: the member's long-term key, which only authenticates its
/// one-time key requests (so the auditor links its transactions to it), and the keys it holds
/// for its DIDs, which sign DID and credential operations. The two never coincide, so nothing
/// public ties the account's DIDs to each other or to its membership (`specs/audit.md` §1).
package struct AccountCustody: Sendable {
    /// The account's name.
    package let name: String
    /// The custodian holding every key of the account.
    package let custodian: any KeyCustodian
    /// The long-term key's reference.
    package let memberKey: KeyReference
    /// The DID keys, oldest first.
    package let didKeys: [AccountDIDKey]

    /// Wires an opened custodian to the account's keys.
    package init(name: String, custodian: any KeyCustodian, memberKey: KeyReference, didKeys: [AccountDIDKey]) {
        self.name = name
        self.custodian = custodian
        self.memberKey = memberKey
        self.didKeys = didKeys
    }

    /// The member key: what one-time key requests are signed with.
    package var member: CustodyKey { (custodian, memberKey) }

    /// The account's own DID: the first it created (or was given a key of).
    /// - Throws: `NodeError` when the account holds no DID key yet.
    package func primaryDID() throws -> DID {
        guard let first = didKeys.first else {
            // The caller's own state, not the node's: a remote client is told.
            throw NodeError.refusal("Account '\(name)' has no DID yet; create one with 'didctl did create --account \(name)'.")
        }
        return try DID(parsing: first.did)
    }

    /// The key that signs for `did`: among the account's keys of that DID, the newest that
    /// `document` still lists (any of them when no document is given), else the newest.
    /// - Throws: `NodeError` when the account holds no key of `did`.
    package func signer(for did: DID, document: DIDDocument? = nil) throws -> CustodyKey {
        let held = didKeys.filter { $0.did == did.description }
        let listed = held.filter { entry in
            guard let document, let key = entry.publicKeyMaterial else { return false }
            return document.allVerificationMethods.contains { (try? $0.publicKeyMaterial()) == key }
        }
        guard let chosen = listed.last ?? held.last else {
            throw NodeError.refusal("Account '\(name)' holds no key of \(did); only an account that created it or was added "
                                + "with --add-key can sign for it.")
        }
        return (custodian, KeyReference(chosen.key))
    }
}
