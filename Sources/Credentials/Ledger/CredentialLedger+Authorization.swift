import Chain
import DID
import Primitives

extension CredentialLedger {
    /// A holder's authorisation grant.
    /// - Parameter id: the 16-byte grant id.
    /// - Returns: the grant (revoked or not), or `nil` for an unknown id.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    public func authorization(id: [UInt8]) throws -> AuthorizationRecord? {
        try state.value(namespace: CredentialLedgerState.authorization, key: id).map { try AuthorizationRecord(stateBytes: $0) }
    }

    /// Checks a grantee's answer to an ``AuthorizationCheck``: the grant exists, is not
    /// revoked, is valid at `now`, covers `scopeItem`, and the answer is signed by a current
    /// authentication key of the grantee DID.
    /// - Parameters:
    ///   - id: the grant id.
    ///   - scopeItem: the CPT identifier or resource URI requested (exact match).
    ///   - nonce: the nonce the verifier issued; single use is the verifier's duty.
    ///   - signature: the grantee's 65-byte recoverable signature.
    ///   - now: the verifier's time, ms since 1970.
    /// - Returns: `.granted` or the first failed rule.
    /// - Throws: `CredentialsError.invalidLedgerRequest` for a nonce shorter than 16 bytes;
    ///   `ChainError.storageFailure` or `.corruptLedger`.
    public func checkAuthorization(id: [UInt8], scopeItem: String, nonce: [UInt8], signature: [UInt8],
                                   now: UInt64) throws -> AuthorizationVerdict {
        guard nonce.count >= AuthorizationCheck.minimumNonceLength else {
            throw CredentialsError.invalidLedgerRequest("A nonce of at least \(AuthorizationCheck.minimumNonceLength) fresh random bytes is needed.")
        }
        guard let grant = try authorization(id: id) else { return .unknownGrant }
        guard grant.revoked == nil else { return .revoked }
        guard now >= grant.validFrom else { return .notYetValid }
        guard now < grant.validUntil else { return .expired }
        guard grant.scope.contains(scopeItem) else { return .outOfScope }
        let digest = AuthorizationCheck(grantId: id, scopeItem: scopeItem, nonce: nonce).digest(chainId: chainId)
        guard let recoverable = try? Secp256k1RecoverableSignature(signature), recoverable.signature.isLowS,
              let signer = try? recoverable.recoverPublicKey(forDigest: digest) else { return .granteeSignatureInvalid }
        do {
            try DIDAuthority.require(signer, isCurrentKeyOf: grant.grantee, relationships: [.authentication], state: state)
        } catch let error as ChainError where error.code == .notFound || error.code == .unauthorized {
            return .granteeNotCurrentKey
        }
        return .granted
    }
}
