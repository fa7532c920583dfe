public import Chain
public import DID
public import Primitives

/// The body of every credential-ledger transaction (`specs/credentials.md` §5.1): a DID, a
/// type-specific JSON payload, and a proof by one of the DID's current authentication or
/// assertion keys: a recoverable secp256k1 signature, or an SM2 signature and its key.
///
/// ```swift
/// let payload = CredentialLedgerPayload.cptRegistration(schema: schema) // with a fresh nonce
/// let operation = try DIDAuthorizedOperation.signed(type: .cptRegister, did: issuer, payload: payload,
///                                                   chainId: chainId, privateKey: key)
/// try await node.submit(Transaction(type: .cptRegister, body: operation.body, chainId: chainId, oneTimeKey: otk))
/// ```
public struct DIDAuthorizedOperation: Sendable, Hashable {
    /// The tag of the signed digest.
    public static let tag = "chancery/credentials/v1"

    /// The transaction type the proof is bound to.
    public let type: TransactionType
    /// The DID that authorises the operation.
    public let did: DID
    /// The type-specific payload.
    public let payload: JSONObject
    /// 65 bytes `r ‖ s ‖ v`.
    public let proof: [UInt8]

    /// The digest the DID's key signs:
    /// `TH("chancery/credentials/v1", str chainId ‖ str type ‖ str did ‖ bytes JCS(payload))`.
    /// - Returns: 32 bytes.
    public static func digest(chainId: String, type: TransactionType, did: DID, payload: JSONObject) -> [UInt8] {
        var writer = ByteWriter(capacity: 256)
        writer.string(chainId)
        writer.string(type.name)
        writer.string(did.description)
        writer.bytes(JCS.canonicalize(.object(payload)))
        return BIP340TaggedHash.hash(tag: tag, writer.bytes)
    }

    /// Wraps an operation signed elsewhere.
    public init(type: TransactionType, did: DID, payload: JSONObject, proof: [UInt8]) {
        self.type = type
        self.did = did
        self.payload = payload
        self.proof = proof
    }

    /// The JCS JSON body `{"did", "payload", "proof"}`.
    public var body: [UInt8] {
        JCS.canonicalize(["did": .string(did.description), "payload": .object(payload), "proof": .string(Base64URL.encode(proof))])
    }

    /// Parses the body of a transaction of `type`.
    /// - Throws: `CredentialsError.invalidLedgerOperation` naming the missing or malformed member.
    public init(type: TransactionType, body: [UInt8]) throws {
        guard let json = try? JSONValue(parsing: body), let object = json.objectValue else {
            throw CredentialsError.invalidLedgerOperation("A \(type) body is a JSON object with 'did', 'payload' and 'proof'.")
        }
        guard let text = object["did"]?.stringValue, let did = try? DID(parsing: text) else {
            throw CredentialsError.invalidLedgerOperation("The \(type) body has no valid 'did'.")
        }
        guard let payload = object["payload"]?.objectValue else {
            throw CredentialsError.invalidLedgerOperation("The \(type) body has no 'payload' object.")
        }
        guard let proofText = object["proof"]?.stringValue, let proof = try? Base64URL.decode(proofText),
              proof.count == 65 || proof.count == DIDOperation.sm2ProofLength else {
            throw CredentialsError.invalidLedgerOperation("'proof' must be a 65-byte recoverable secp256k1 signature or a 97-byte SM2 signature and key, in base64url.")
        }
        guard object.count == 3 else {
            throw CredentialsError.invalidLedgerOperation("A \(type) body has exactly the members 'did', 'payload' and 'proof'.")
        }
        self.init(type: type, did: did, payload: payload, proof: proof)
    }

    /// The key that made the proof on `chainId`, of either curve: the recovered secp256k1 key, or
    /// the SM2 key a 97-byte proof carries once its signature over the digest holds.
    /// - Throws: `ChainError.unauthorized` when no key can be recovered or the SM2 signature
    ///   does not hold.
    public func signingKey(chainId: String) throws -> PublicKeyMaterial {
        guard proof.count == DIDOperation.sm2ProofLength else { return .secp256k1(try signer(chainId: chainId)) }
        let digest = Self.digest(chainId: chainId, type: type, did: did, payload: payload)
        guard let key = try? SM2PublicKey(proof[64...]), let signature = try? SM2Signature(rawRepresentation: proof[..<64]),
              key.isValidSignature(signature, for: digest) else {
            throw ChainError.unauthorized("The proof is not a valid SM2 signature over this \(type) operation by the key it carries.")
        }
        return .sm2(key)
    }

    /// The secp256k1 key that made the proof on `chainId`.
    /// - Throws: `ChainError.unauthorized` when no key can be recovered from a low-S signature
    ///   (an SM2 proof included: read it with ``signingKey(chainId:)``).
    public func signer(chainId: String) throws -> Secp256k1PublicKey {
        let digest = Self.digest(chainId: chainId, type: type, did: did, payload: payload)
        guard let signature = try? Secp256k1RecoverableSignature(proof), signature.signature.isLowS,
              let key = try? signature.recoverPublicKey(forDigest: digest) else {
            throw ChainError.unauthorized("The proof is not a valid low-S recoverable signature over this \(type) operation.")
        }
        return key
    }
}
