public import Chain
import Primitives

extension DIDOperationHandler {
    /// The authority of a delegated update or deactivation (`specs/custody.md` "Delegated
    /// accounts"): the delegation is in force, is the DID's, was granted by a key that still
    /// controls the DID, the proof is by a key of the delegate, the purpose covers the change,
    /// and the delegate's window has room (counted here, so a refusal counts nothing).
    static func authorizeDelegated(_ operation: DIDOperation, under id: DelegationID, did: DID, current: DIDDocument,
                                   signer: Secp256k1PublicKey, context: TransactionContext, state: StateTransaction) throws {
        let record = try DelegationLedger.active(id, at: context.time, state: state)
        guard (try? DIDChancery(DID(parsing: record.terms.delegator)).did) == did else {
            throw ChainError.unauthorized("Delegation \(id) lets its delegate act for \(record.terms.delegator), not \(did).")
        }
        guard try controllerKeys(of: current, chainId: context.chainId, state: state).contains(try record.terms.signingKey()) else {
            throw ChainError.unauthorized("The key that granted delegation \(id) no longer controls \(did), so the delegation has lapsed.")
        }
        guard try delegateKeys(record.terms.delegate, chainId: context.chainId, state: state).contains(signer) else {
            throw ChainError.unauthorized("The proof is not by a key of \(record.terms.delegate), the delegate of delegation \(id).")
        }
        try DelegationLedger.consume(record, for: operation.requiredPurpose(replacing: current), at: context.time, state: state)
    }

    /// The keys that may sign for a delegate: a did:chancery DID's controller keys on this chain,
    /// or a secp256k1 did:key's own key.
    static func delegateKeys(_ delegate: String, chainId: String, state: any StateReader) throws -> Set<Secp256k1PublicKey> {
        guard let did = try? DID(parsing: delegate) else { return [] }
        if let method = try? DIDChancery(did) {
            guard method.chainId == chainId, let record = try DIDLedgerState.record(method.did, in: state), !record.deactivated else {
                return []
            }
            return try controllerKeys(of: record.document, chainId: chainId, state: state)
        }
        if let didKey = try? DIDKey(did), case .secp256k1(let key) = didKey.publicKey { return [key] }
        return []
    }
}

extension DIDOperation {
    /// The members of a DID document that say who holds authority over it; changing any of
    /// them is a key change, which only a recovery delegation allows.
    static let keyMembers = ["verificationMethod", "authentication", "assertionMethod", "keyAgreement",
                             "capabilityInvocation", "capabilityDelegation", "controller"]

    /// The purpose a delegation needs for this operation on a DID whose document is `current`:
    /// `recovery` for deactivation and for any change of keys, relationships or controllers,
    /// `operations` for everything else (services, `alsoKnownAs`, other members).
    public func requiredPurpose(replacing current: DIDDocument) -> DelegationPurpose {
        guard kind == .update, let document else { return .recovery }
        return Self.keyMaterial(of: document) == Self.keyMaterial(of: current) ? .operations : .recovery
    }

    private static func keyMaterial(of document: DIDDocument) -> [UInt8] {
        let object = document.jsonValue.objectValue ?? JSONObject()
        return JCS.canonicalize(.object(JSONObject(keyMembers.compactMap { name in object[name].map { (name, $0) } })))
    }
}
