import Credentials
import DID
import Primitives
import Testing

/// The vc-di-eddsa proof set and proof chain examples (specs/vectors/di-eddsa/proof-set-chain):
/// every proof verifies with the key of its did:key, over the document with the previous
/// proofs it names.
@Suite("eddsa-rdfc-2022 proof sets and chains")
struct ProofSetChainVectorTests {
    typealias F = DataIntegrityFixtures
    static let dir = "di-eddsa/proof-set-chain/"

    func key(_ proof: DataIntegrityProof) -> DataIntegrityVerificationKey? {
        let method = proof.options.verificationMethod
        guard case .ed25519(let key)? = try? DIDKey(parsing: String(method.prefix { $0 != "#" })).publicKey else { return nil }
        return .ed25519(key)
    }

    @Test("every proof of the published sets and chains verifies",
          arguments: ["signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json", "signedProofChain2.json"])
    func publishedProofsVerify(file: String) throws {
        let document = try #require(try F.json(Self.dir + file).objectValue)
        let verdicts = try DataIntegrity.verifyAll(securedDocument: document, key: key)
        #expect(!verdicts.isEmpty)
        #expect(verdicts.allSatisfy { $0 == .valid }, "\(verdicts)")
    }

    @Test("a chained proof checked without its previous proofs, or with one swapped, does not hold")
    func chainBindsPreviousProofs() throws {
        let document = try #require(try F.json(Self.dir + "signedProofChain2.json").objectValue)
        let (unsecured, proofs) = try DataIntegrity.proofs(of: document)
        let chained = proofs[2]
        let key = try #require(key(try DataIntegrityProof(parsing: chained)))
        #expect(try DataIntegrity.verify(proof: chained, over: unsecured, key: key) == .invalid(reason: .signatureMismatch))
        var swapped = proofs
        swapped[1]["created"] = "2024-01-01T00:00:00Z"
        let input = try DataIntegrity.input(for: chained, unsecured: unsecured, allProofs: swapped)
        #expect(try DataIntegrity.verify(proof: chained, over: input, key: key) == .invalid(reason: .signatureMismatch))
    }

    @Test("a previousProof naming a proof the document does not carry cannot be read")
    func missingPreviousProof() throws {
        var document = try #require(try F.json(Self.dir + "signedProofChain2.json").objectValue)
        guard case .array(var proofs)? = document["proof"] else { Issue.record("no proof set"); return }
        proofs.remove(at: 0)
        document["proof"] = .array(proofs)
        let error = #expect(throws: CredentialsError.self) { try DataIntegrity.verifyAll(securedDocument: document, key: key) }
        #expect(error?.code == .invalidProof)
    }
}
