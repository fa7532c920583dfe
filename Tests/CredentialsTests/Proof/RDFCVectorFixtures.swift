import Credentials
import DID
import LinkedData
import Primitives
import Testing

/// One published RDFC vector folder of vc-di-eddsa / vc-di-ecdsa (specs/vectors, see their
/// SOURCES.md): its files share a suffix (`canonDocDataInt.txt`, `signedECDSAP384.json`, …).
struct RDFCVector: CustomTestStringConvertible, Sendable {
    let folder: String
    let suffix: String
    let suite: DataIntegrityCryptosuite
    /// Whether the key is Ed25519 (deterministic signatures, reproducible byte for byte).
    let isEdDSA: Bool
    var testDescription: String { folder }

    static let eddsaRDFC = RDFCVector(folder: "di-eddsa/eddsa-rdfc-2022", suffix: "DataInt", suite: .eddsaRDFC2022, isEdDSA: true)
    static let ed25519Signature2020 = RDFCVector(folder: "di-eddsa/Ed25519Signature2020", suffix: "EdSig",
                                                 suite: .ed25519Signature2020, isEdDSA: true)
    static let ecdsaP256 = RDFCVector(folder: "di-ecdsa/ecdsa-rdfc-2019-p256", suffix: "ECDSAP256", suite: .ecdsaRDFC2019, isEdDSA: false)
    static let ecdsaP384 = RDFCVector(folder: "di-ecdsa/ecdsa-rdfc-2019-p384", suffix: "ECDSAP384", suite: .ecdsaRDFC2019, isEdDSA: false)
    static let all = [eddsaRDFC, ed25519Signature2020, ecdsaP256, ecdsaP384]

    func path(_ name: String, _ ext: String = "txt") -> String { "\(folder)/\(name)\(suffix).\(ext)" }

    var signed: JSONValue { get throws { try DataIntegrityFixtures.json(path("signed", "json")) } }
    var proofConfig: JSONObject { get throws { try DataIntegrityFixtures.json(path("proofConfig", "json")).objectValue ?? [:] } }
    /// The signed credential without its proof: the vectors' unsigned document.
    var unsigned: JSONObject {
        get throws {
            var object = try signed.objectValue ?? [:]
            object.removeValue(forKey: "proof")
            return object
        }
    }

    /// The key the signed credential's did:key verification method names.
    var verificationKey: DataIntegrityVerificationKey {
        get throws {
            let method = try signed["proof"]?["verificationMethod"]?.stringValue ?? ""
            let did = try DIDKey(parsing: String(method.prefix { $0 != "#" }))
            switch did.publicKey {
            case .ed25519(let key): return .ed25519(key)
            case .p256(let key): return .p256(key)
            case .p384(let key): return .p384(key)
            default: throw CredentialsError.invalidProof("vector key of another curve")
            }
        }
    }

    /// The digest the suite hashes with for this vector's key.
    var digest: CanonicalizationHashAlgorithm { suffix == "ECDSAP384" ? .sha384 : .sha256 }
}
