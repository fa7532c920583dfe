public import Chain
package import Primitives

/// Applies `did.create`, `did.update` and `did.deactivate` (`specs/did-method.md` §2-3): checks
/// the document, the proof's signer against the DID's authority rules, and the version, then
/// writes the new record, its version and its time index entry.
public struct DIDOperationHandler: TransactionHandler {
    /// The operation this handler applies.
    public let kind: DIDOperation.Kind
    public var type: TransactionType { kind.transactionType }

    /// A handler for one operation.
    public init(_ kind: DIDOperation.Kind) { self.kind = kind }

    /// The handlers of all three operations, for a node's registry.
    public static func all() -> [DIDOperationHandler] { DIDOperation.Kind.allCases.map(DIDOperationHandler.init) }

    /// Parses the body, checks the document's structure and recovers the proof's signer, once.
    public func prepare(_ transaction: Transaction) throws -> Prepared {
        let operation = try DIDOperation(kind: kind, body: transaction.body)
        let method = try DIDChancery(operation.did)
        guard method.chainId == transaction.chainId else {
            throw ChainError.invalidBody("\(operation.did) belongs to chain '\(method.chainId)', not '\(transaction.chainId)'.")
        }
        if let document = operation.document {
            guard document.id == operation.did else {
                throw ChainError.invalidBody("The document's id \(document.id) is not \(operation.did).")
            }
            try document.validateStructure()
        }
        guard operation.delegation == nil || kind != .create else {
            throw ChainError.invalidBody("A DID is created by its inception key, never under a delegation.")
        }
        let signer = try operation.signingKey(chainId: transaction.chainId)
        return Prepared(operation: operation, did: method.did, signer: signer,
                        incepted: kind == .create ? try Self.incepted(by: signer, chainId: transaction.chainId) : nil)
    }

    public func apply(_ prepared: Prepared, of transaction: Transaction, context: TransactionContext, state: StateTransaction) throws {
        let (operation, did, signer) = (prepared.operation, prepared.did, prepared.signer)
        let existing = try DIDLedgerState.record(did, in: state)
        switch kind {
        case .create:
            guard existing == nil else { throw ChainError(.alreadyExists, "\(did) already exists.") }
            guard prepared.incepted == did else {
                throw ChainError.unauthorized("The proof is not by the key whose address is in \(did).")
            }
            DIDLedgerState.write(DIDRecord(document: operation.document!, versionId: 1, created: context.time,
                                           updated: context.time, deactivated: false),
                                 superseding: nil, for: did, to: state, stateVersion: context.stateVersion)
        case .update, .deactivate:
            guard let current = existing else { throw ChainError(.notFound, "\(did) does not exist on this chain.") }
            guard !current.deactivated else { throw ChainError.unauthorized("\(did) is deactivated and cannot change.") }
            guard operation.previousVersionId == current.versionId else {
                throw ChainError(.alreadyExists, "\(did) is at version \(current.versionId), not \(operation.previousVersionId); resolve it and retry.")
            }
            if let delegation = operation.delegation {
                guard case .secp256k1(let delegateKey) = signer else {
                    throw ChainError.unauthorized("Delegated DID operations are signed with secp256k1 keys, not SM2.")
                }
                try Self.authorizeDelegated(operation, under: delegation, did: did, current: current.document, signer: delegateKey,
                                            context: context, state: state)
            } else {
                guard try Self.controllerMaterial(of: current.document, chainId: context.chainId, state: state).contains(signer) else {
                    throw ChainError.unauthorized("The proof is not by a controller key of \(did).")
                }
            }
            DIDLedgerState.write(DIDRecord(document: operation.document ?? current.document, versionId: current.versionId + 1,
                                           created: current.created, updated: context.time, deactivated: kind == .deactivate),
                                 superseding: current, for: did, to: state, stateVersion: context.stateVersion)
        }
    }

    /// The did:chancery DID an inception key gives on a chain: Keccak-256-derived for
    /// secp256k1, SM3-derived for SM2 (`specs/did-method.md` §1, §1.1); `nil` for other curves.
    static func incepted(by key: PublicKeyMaterial, chainId: String) throws -> DID? {
        switch key {
        case .secp256k1(let key): try DIDChancery(chainId: chainId, publicKey: key).did
        case .sm2(let key): try DIDChancery(chainId: chainId, publicKey: key).did
        default: nil
        }
    }

    /// The secp256k1 keys that may change a document (`specs/did-method.md` §3), the ones
    /// delegations are granted and checked with.
    static func controllerKeys(of document: DIDDocument, chainId: String, state: any StateReader) throws -> Set<Secp256k1PublicKey> {
        Set(try controllerMaterial(of: document, chainId: chainId, state: state).compactMap { key -> Secp256k1PublicKey? in
            if case .secp256k1(let key) = key { return key }
            return nil
        })
    }

    /// The secp256k1 and SM2 keys that may change a document directly (`specs/did-method.md` §3).
    static func controllerMaterial(of document: DIDDocument, chainId: String, state: any StateReader) throws -> Set<PublicKeyMaterial> {
        var keys = ownKeys(of: document)
        for controller in document.controller?.values ?? [] where controller != document.id {
            guard let method = try? DIDChancery(controller), method.chainId == chainId,
                  let record = try DIDLedgerState.record(method.did, in: state), !record.deactivated else { continue }
            keys.formUnion(ownKeys(of: record.document))
        }
        return keys
    }

    private static func ownKeys(of document: DIDDocument) -> Set<PublicKeyMaterial> {
        let relationship: VerificationRelationship = document.capabilityInvocation.isEmpty ? .authentication : .capabilityInvocation
        var keys = Set<PublicKeyMaterial>()
        for method in document.verificationMethods(authorizedFor: relationship) {
            switch try? method.publicKeyMaterial() {
            case .secp256k1(let key)?: keys.insert(.secp256k1(key))
            case .sm2(let key)?: keys.insert(.sm2(key))
            default: continue
            }
        }
        return keys
    }

    /// The current secp256k1 keys of a did:chancery DID in some verification relationships, for
    /// other modules' DID-authorised transactions; `nil` when the DID is not on this chain's state.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger` when state cannot be read.
    package static func currentKeys(of did: DID, for relationships: [VerificationRelationship],
                                    state: any StateReader) throws -> (keys: Set<Secp256k1PublicKey>, deactivated: Bool)? {
        guard let method = try? DIDChancery(did), let record = try DIDLedgerState.record(method.did, in: state) else { return nil }
        let keys = relationships.reduce(into: Set<Secp256k1PublicKey>()) { $0.formUnion(secp256k1Keys(of: record.document, for: $1)) }
        return (keys, record.deactivated)
    }

    /// The current secp256k1 and SM2 keys of a did:chancery DID in some verification
    /// relationships, for other modules' DID-authorised transactions; `nil` when the DID is not
    /// on this chain's state.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger` when state cannot be read.
    package static func currentKeyMaterial(of did: DID, for relationships: [VerificationRelationship],
                                           state: any StateReader) throws -> (keys: Set<PublicKeyMaterial>, deactivated: Bool)? {
        guard let method = try? DIDChancery(did), let record = try DIDLedgerState.record(method.did, in: state) else { return nil }
        var keys = Set<PublicKeyMaterial>()
        for relationship in relationships {
            for method in record.document.verificationMethods(authorizedFor: relationship) {
                switch try? method.publicKeyMaterial() {
                case .secp256k1(let key)?: keys.insert(.secp256k1(key))
                case .sm2(let key)?: keys.insert(.sm2(key))
                default: continue
                }
            }
        }
        return (keys, record.deactivated)
    }

    private static func secp256k1Keys(of document: DIDDocument, for relationship: VerificationRelationship) -> Set<Secp256k1PublicKey> {
        var keys = Set<Secp256k1PublicKey>()
        for method in document.verificationMethods(authorizedFor: relationship) {
            if case .secp256k1(let key)? = try? method.publicKeyMaterial() { keys.insert(key) }
        }
        return keys
    }
}
