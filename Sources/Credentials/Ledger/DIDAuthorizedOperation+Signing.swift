public import Chain
public import DID
public import KeyCustody
public import Primitives

extension DIDAuthorizedOperation {
    /// Signs an operation through a custodian (any custody mode), adding the recovery id so the
    /// chain recovers the signer's key from the proof alone.
    /// - Parameters:
    ///   - type: the transaction type that will carry the operation.
    ///   - did: the authorising did:chancery DID.
    ///   - payload: the type's payload.
    ///   - chainId: the chain's id.
    ///   - custodian: the custodian holding a current authentication or assertion key of `did`.
    ///   - key: that key's reference.
    /// - Returns: the signed operation.
    /// - Throws: the custodian's errors; `CredentialsError.invalidLedgerOperation` if no recovery
    ///   id reproduces the custodian's key.
    public static func signed(type: TransactionType, did: DID, payload: JSONObject, chainId: String,
                              custodian: any KeyCustodian, key: KeyReference) async throws -> DIDAuthorizedOperation {
        let digest = Self.digest(chainId: chainId, type: type, did: did, payload: payload)
        if let sm2 = custodian as? any TypedKeyCustodian, try await sm2.keyType(of: key) == .sm2 {
            let proof = try await sm2.signSM2(digest, with: key).rawRepresentation + (try await sm2.sm2PublicKey(for: key)).compressedRepresentation
            return DIDAuthorizedOperation(type: type, did: did, payload: payload, proof: proof)
        }
        let signature = try await custodian.sign(digest: digest, with: key)
        let proof = try recoverable(signature, digest: digest, publicKey: try await custodian.publicKey(for: key))
        return DIDAuthorizedOperation(type: type, did: did, payload: payload, proof: proof)
    }

    /// Signs an operation with an SM2 key held by the caller: the SM2 signature of the digest (as
    /// the message) followed by the compressed key (`specs/credentials.md` §5.1).
    /// - Returns: the signed operation.
    /// - Throws: `PrimitivesError` if signing fails.
    public static func signed(type: TransactionType, did: DID, payload: JSONObject, chainId: String,
                              privateKey: SM2PrivateKey) throws -> DIDAuthorizedOperation {
        let digest = Self.digest(chainId: chainId, type: type, did: did, payload: payload)
        return DIDAuthorizedOperation(type: type, did: did, payload: payload,
                                      proof: try privateKey.signature(for: digest).rawRepresentation + privateKey.publicKey.compressedRepresentation)
    }

    /// Signs an operation with a software key held by the caller (tools, tests, benchmarks).
    /// - Returns: the signed operation.
    /// - Throws: `PrimitivesError` if signing fails.
    public static func signed(type: TransactionType, did: DID, payload: JSONObject, chainId: String,
                              privateKey: Secp256k1PrivateKey) throws -> DIDAuthorizedOperation {
        let digest = Self.digest(chainId: chainId, type: type, did: did, payload: payload)
        return DIDAuthorizedOperation(type: type, did: did, payload: payload,
                                      proof: try privateKey.recoverableSignature(forDigest: digest).rawRepresentation)
    }

    /// `r ‖ s ‖ v` for a custodian's plain signature: the `v` that recovers `publicKey`.
    static func recoverable(_ signature: Secp256k1ECDSASignature, digest: [UInt8],
                            publicKey: Secp256k1PublicKey) throws -> [UInt8] {
        let compact = signature.compactRepresentation
        for v: UInt8 in 0...3 {
            guard let candidate = try? Secp256k1RecoverableSignature(compact + [v]),
                  (try? candidate.recoverPublicKey(forDigest: digest)) == publicKey else { continue }
            return compact + [v]
        }
        throw CredentialsError.invalidLedgerOperation("The custodian's signature does not recover to its own key.")
    }
}
