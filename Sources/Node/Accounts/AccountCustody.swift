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

    /// The public key of one of the account's keys, of any type (an HSM link holds secp256k1
    /// keys only).
    /// - Throws: the custodian's error for an unknown key.
    package func publicKey(of key: KeyReference) async throws -> CustodyPublicKey {
        try await custodian.anyPublicKey(for: key)
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

    /// The key that signs the chain's operations for `did` (a secp256k1 or SM2 key): among the
    /// account's such keys of that DID, the newest that `document` still lists (any of them
    /// when no document is given), else the newest.
    /// - Throws: `NodeError` when the account holds no key of `did`.
    package func signer(for did: DID, document: DIDDocument? = nil) throws -> CustodyKey {
        let held = didKeys.filter { $0.did == did.description && $0.keyType?.signsChainOperations == true }
        let listed = held.filter { entry in
            guard let document, let key = entry.custodyPublicKey else { return false }
            return document.allVerificationMethods.contains { (try? $0.publicKeyMaterial()) == PublicKeyMaterial(key) }
        }
        guard let chosen = listed.last ?? held.last else {
            throw NodeError.refusal("Account '\(name)' holds no key of \(did); only an account that created it or was added "
                                + "with --add-key can sign for it.")
        }
        return (custodian, KeyReference(chosen.key))
    }

    /// The key that signs credentials or presentations for `did` with one of `types`: the
    /// account's key of that DID that `document` lists under `relationship`, the first type of
    /// `types` first and the newest key of a type first.
    /// - Parameters:
    ///   - did: the issuer's or holder's DID.
    ///   - document: its current document.
    ///   - relationship: `assertionMethod` to issue, `authentication` to present.
    ///   - types: the key types the format can sign with, in order of preference.
    /// - Returns: the key and the verification method that names it.
    /// - Throws: `NodeError` (a refusal) naming what is missing and how to add it.
    package func credentialKey(for did: DID, document: DIDDocument, relationship: VerificationRelationship,
                               types: [KeyType]) throws -> (key: CustodyKey, method: VerificationMethod) {
        let methods = document.verificationMethods(authorizedFor: relationship)
        for type in types {
            for entry in didKeys.reversed() where entry.did == did.description && entry.keyType == type {
                guard let key = entry.custodyPublicKey,
                      let method = methods.first(where: { (try? $0.publicKeyMaterial()) == PublicKeyMaterial(key) }) else { continue }
                return ((custodian, KeyReference(entry.key)), method)
            }
        }
        let names = types.map(\.name).joined(separator: " or ")
        let hint = types.contains(.secp256k1) ? "" : "; add one with 'didctl did update \(did) --account \(name) --add-key \(name) --key-type \(types[0].name)'"
        throw NodeError.refusal("\(did) lists no \(names) key of account '\(name)' for \(relationship.rawValue)\(hint).")
    }
}
