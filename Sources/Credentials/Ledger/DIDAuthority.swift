import Chain
import DID
import Primitives

/// Who may act for a did:chancery DID on the credential ledger: a current secp256k1 or SM2 key
/// of the DID in the given relationships (`specs/credentials.md` §5.1).
enum DIDAuthority {
    /// The relationships whose keys authorise credential-ledger transactions.
    static let transactionRelationships: [VerificationRelationship] = [.authentication, .assertionMethod]

    /// The DID in canonical form when `did` is a did:chancery DID of `chainId`.
    /// - Throws: `ChainError.invalidBody` otherwise.
    static func canonical(_ did: DID, chainId: String) throws -> DID {
        guard let method = try? DIDChancery(did), method.chainId == chainId else {
            throw ChainError.invalidBody("\(did) is not a did:chancery DID of chain '\(chainId)'.")
        }
        return method.did
    }

    /// Checks that `signer` is a current key of `did`.
    /// - Throws: `ChainError.notFound` for an unknown DID, `.unauthorized` for a deactivated
    ///   DID or a key that is not (or no longer) one of its keys.
    static func require(_ signer: Secp256k1PublicKey, isCurrentKeyOf did: DID,
                        relationships: [VerificationRelationship] = transactionRelationships, state: any StateReader) throws {
        try require(.secp256k1(signer), isCurrentKeyOf: did, relationships: relationships, state: state)
    }

    /// Checks that `signer`, of either curve, is a current key of `did`.
    /// - Throws: as the secp256k1 form.
    static func require(_ signer: PublicKeyMaterial, isCurrentKeyOf did: DID,
                        relationships: [VerificationRelationship] = transactionRelationships, state: any StateReader) throws {
        guard let current = try DIDOperationHandler.currentKeyMaterial(of: did, for: relationships, state: state) else {
            throw ChainError(.notFound, "\(did) does not exist on this chain.")
        }
        guard !current.deactivated else { throw ChainError.unauthorized("\(did) is deactivated and can no longer act.") }
        guard current.keys.contains(signer) else {
            throw ChainError.unauthorized("The proof is not by a current \(relationships.map(\.rawValue).joined(separator: " or ")) key of \(did).")
        }
    }
}
