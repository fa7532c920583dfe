public import Chain
public import KeyCustody
public import Primitives

/// The body of a `did.create`, `did.update` or `did.deactivate` transaction
/// (`specs/did-method.md` §2): the DID, the new document (none for deactivation), the version it
/// replaces, and a proof by a controller key: a recoverable secp256k1 ECDSA signature, or an SM2
/// signature followed by the SM2 key that made it (`specs/did-method.md` §2).
public struct DIDOperation: Sendable, Hashable {
    /// The three operations.
    public enum Kind: String, Sendable, CaseIterable {
        case create, update, deactivate

        /// The transaction type that carries this operation.
        public var transactionType: TransactionType { TransactionType("did.\(rawValue)") }
    }

    /// Which operation.
    public let kind: Kind
    /// The DID acted on.
    public let did: DID
    /// The new document (`nil` for deactivation).
    public let document: DIDDocument?
    /// The version this operation replaces (0 for creation).
    public let previousVersionId: UInt64
    /// 65 bytes `r ‖ s ‖ v` by a secp256k1 controller key (or by the delegate's key when
    /// ``delegation`` is set), or 97 bytes `r ‖ s ‖ compressed key` by an SM2 controller key.
    public let proof: [UInt8]

    /// The length of an SM2 proof: the 64-byte signature and the 33-byte compressed key.
    public static let sm2ProofLength = 97
    /// The delegation the operation is made under (`specs/custody.md` "Delegated accounts"), or
    /// `nil` when a controller key signs it directly.
    public let delegation: DelegationID?

    /// The digest a controller key signs, or a delegate's key under `delegation`.
    public static func digest(chainId: String, kind: Kind, did: DID, previousVersionId: UInt64, document: DIDDocument?,
                              delegation: DelegationID? = nil) -> [UInt8] {
        var writer = ByteWriter(capacity: 256)
        writer.string(chainId)
        writer.string(kind.rawValue)
        writer.string(did.description)
        writer.u64(previousVersionId)
        // A delegated proof has its own tag and names the delegation, so it is never a direct one.
        if let delegation { writer.string(delegation.description) }
        writer.bytes(JCS.canonicalize(document?.jsonValue ?? .object(JSONObject())))
        return BIP340TaggedHash.hash(tag: delegation == nil ? "chancery/did/v1" : "chancery/did-delegated/v1", writer.bytes)
    }

    /// Signs an operation through a custodian (any custody mode): a secp256k1 key's proof gets
    /// the recovery id so the chain can recover the signer's key from the proof alone; an SM2
    /// key of an ``TypedKeyCustodian`` signs the digest as its message and appends its key.
    /// - Throws: the custodian's errors; `DIDError.unauthorized` if no recovery id reproduces its
    ///   key, or for an SM2 key under a delegation (delegated proofs are secp256k1).
    public static func signed(_ kind: Kind, did: DID, document: DIDDocument?, previousVersionId: UInt64, chainId: String,
                              delegation: DelegationID? = nil, custodian: any KeyCustodian, key: KeyReference) async throws -> DIDOperation {
        let digest = Self.digest(chainId: chainId, kind: kind, did: did, previousVersionId: previousVersionId, document: document,
                                 delegation: delegation)
        if let sm2 = custodian as? any TypedKeyCustodian, try await sm2.keyType(of: key) == .sm2 {
            guard delegation == nil else { throw DIDError(.unauthorized, "Delegated DID operations are signed with secp256k1 keys, not SM2.") }
            let proof = try await sm2.signSM2(digest, with: key).rawRepresentation + (try await sm2.sm2PublicKey(for: key)).compressedRepresentation
            return DIDOperation(kind: kind, did: did, document: document, previousVersionId: previousVersionId, proof: proof)
        }
        let signature = try await custodian.sign(digest: digest, with: key).compactRepresentation
        let publicKey = try await custodian.publicKey(for: key)
        for v: UInt8 in 0...3 {
            guard let candidate = try? Secp256k1RecoverableSignature(signature + [v]),
                  (try? candidate.recoverPublicKey(forDigest: digest)) == publicKey else { continue }
            return DIDOperation(kind: kind, did: did, document: document, previousVersionId: previousVersionId,
                                proof: signature + [v], delegation: delegation)
        }
        throw DIDError(.unauthorized, "The custodian's signature does not recover to its own key.")
    }

    /// Signs an operation with a software key held by the caller (tools and benchmarks).
    /// - Throws: `PrimitivesError` if signing fails.
    public static func signed(_ kind: Kind, did: DID, document: DIDDocument?, previousVersionId: UInt64, chainId: String,
                              privateKey: Secp256k1PrivateKey) throws -> DIDOperation {
        let digest = Self.digest(chainId: chainId, kind: kind, did: did, previousVersionId: previousVersionId, document: document)
        return DIDOperation(kind: kind, did: did, document: document, previousVersionId: previousVersionId,
                            proof: try privateKey.recoverableSignature(forDigest: digest).rawRepresentation)
    }

    /// Signs an operation with an SM2 key held by the caller (tools and tests): the proof is the
    /// SM2 signature of the digest (as the message) followed by the compressed key.
    /// - Throws: `PrimitivesError` if signing fails.
    public static func signed(_ kind: Kind, did: DID, document: DIDDocument?, previousVersionId: UInt64, chainId: String,
                              privateKey: SM2PrivateKey) throws -> DIDOperation {
        let digest = Self.digest(chainId: chainId, kind: kind, did: did, previousVersionId: previousVersionId, document: document)
        let proof = try privateKey.signature(for: digest).rawRepresentation + privateKey.publicKey.compressedRepresentation
        return DIDOperation(kind: kind, did: did, document: document, previousVersionId: previousVersionId, proof: proof)
    }

    /// The JCS JSON body.
    public var body: [UInt8] {
        var object: JSONObject = ["did": .string(did.description), "previousVersionId": .number(Double(previousVersionId)),
                                  "proof": .string(Base64URL.encode(proof))]
        if let document { object["document"] = document.jsonValue }
        if let delegation { object["delegation"] = .string(delegation.description) }
        return JCS.canonicalize(.object(object))
    }

    /// Parses a transaction body.
    /// - Throws: `DIDError.invalidDocument` / `.invalidDid` naming what is wrong.
    public init(kind: Kind, body: [UInt8]) throws {
        guard let json = try? JSONValue(parsing: body), let object = json.objectValue else {
            throw DIDError.invalidDocument("A \(kind.transactionType) body is a JSON object.")
        }
        guard let text = object["did"]?.stringValue else { throw DIDError.invalidDID("The body has no 'did'.") }
        let did = try DID(parsing: text)
        guard let version = object["previousVersionId"]?.doubleValue, version >= 0, version < 1e15, version == version.rounded() else {
            throw DIDError.invalidDocument("'previousVersionId' must be a whole number.")
        }
        guard let proofText = object["proof"]?.stringValue, let proof = try? Base64URL.decode(proofText),
              proof.count == 65 || proof.count == Self.sm2ProofLength else {
            throw DIDError(.unauthorized, "'proof' must be a 65-byte recoverable secp256k1 signature or a 97-byte SM2 signature and key, in base64url.")
        }
        var delegation: DelegationID?
        if let value = object["delegation"] {
            guard let text = value.stringValue, let id = try? DelegationID(hex: text), id.description == text else {
                throw DIDError.invalidDocument("'delegation' must be a delegation id, 64 lowercase hex digits.")
            }
            delegation = id
        }
        var document: DIDDocument?
        if kind != .deactivate {
            guard let documentJSON = object["document"] else { throw DIDError.invalidDocument("The body has no 'document'.") }
            document = try DIDDocument(json: documentJSON)
        }
        self.init(kind: kind, did: did, document: document, previousVersionId: UInt64(version), proof: proof,
                  delegation: delegation)
    }

    init(kind: Kind, did: DID, document: DIDDocument?, previousVersionId: UInt64, proof: [UInt8], delegation: DelegationID? = nil) {
        self.kind = kind
        self.did = did
        self.document = document
        self.previousVersionId = previousVersionId
        self.proof = proof
        self.delegation = delegation
    }

    /// The key that made the proof on `chainId`, of either curve: the recovered secp256k1 key,
    /// or the SM2 key the proof carries once its signature over the digest holds.
    /// - Throws: `DIDError.unauthorized` when no key can be recovered, an SM2 signature does
    ///   not hold, or an SM2 proof is made under a delegation.
    public func signingKey(chainId: String) throws -> PublicKeyMaterial {
        guard proof.count == Self.sm2ProofLength else { return .secp256k1(try signer(chainId: chainId)) }
        guard delegation == nil else { throw DIDError(.unauthorized, "Delegated DID operations are signed with secp256k1 keys, not SM2.") }
        let digest = Self.digest(chainId: chainId, kind: kind, did: did, previousVersionId: previousVersionId, document: document)
        guard let key = try? SM2PublicKey(proof[64...]), let signature = try? SM2Signature(rawRepresentation: proof[..<64]),
              key.isValidSignature(signature, for: digest) else {
            throw DIDError(.unauthorized, "The proof is not a valid SM2 signature over this operation by the key it carries.")
        }
        return .sm2(key)
    }

    /// The secp256k1 key that made the proof on `chainId`.
    /// - Throws: `DIDError.unauthorized` when no key can be recovered (an SM2 proof included:
    ///   read it with ``signingKey(chainId:)``).
    public func signer(chainId: String) throws -> Secp256k1PublicKey {
        let digest = Self.digest(chainId: chainId, kind: kind, did: did, previousVersionId: previousVersionId, document: document,
                                 delegation: delegation)
        guard let signature = try? Secp256k1RecoverableSignature(proof), signature.signature.isLowS,
              let key = try? signature.recoverPublicKey(forDigest: digest) else {
            throw DIDError(.unauthorized, "The proof is not a valid low-S recoverable signature over this operation.")
        }
        return key
    }
}
