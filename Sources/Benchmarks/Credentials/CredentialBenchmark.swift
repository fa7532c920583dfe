import Chain
package import Credentials
package import DID
import Foundation
package import KeyCustody
package import Node
package import Primitives

/// The chain both credential benchmarks run on: a fresh data directory with an issuer DID
/// registered through a real `did.create`, a diploma CPT registered through `cpt.register`,
/// and the issuer accredited by the committee, exactly as `make run` does by hand.
/// ``IssueBenchmark`` and ``VerifyBenchmark`` run on it.
package struct CredentialBenchmark {
    /// Where the chain is created.
    package let directory: DataDirectory
    /// Called with a line of progress now and then.
    package let progress: (String) -> Void

    /// Creates the set-up over a fresh data directory.
    package init(directory: DataDirectory, progress: @escaping (String) -> Void = { _ in }) {
        self.directory = directory
        self.progress = progress
    }

    /// The accredited issuer on the benchmark chain.
    package struct Issuer {
        /// The node; the caller shuts it down.
        package let runtime: NodeRuntime
        /// The issuer's DID.
        package let did: DID
        /// Signs credentials with the DID's key.
        package let signer: CustodianSigner
        /// The operator's account, holding the DID's key.
        package let custody: AccountCustody
        /// The diploma CPT's identifier.
        package let cpt: String
    }

    /// The diploma CPT.
    package static let schema: JSONValue = [
        "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Diploma", "type": "object",
        "properties": ["name": ["type": "string", "minLength": 1], "degree": ["type": "string", "enum": ["BSc", "MSc", "PhD"]],
                       "year": ["type": "integer", "minimum": 1900, "maximum": 2100]],
        "required": ["name", "degree", "year"], "additionalProperties": false,
    ]

    /// Creates the chain and registers and accredits the issuer.
    /// - Returns: the issuer, with the running node.
    /// - Throws: `BenchmarkError` when the CPT does not register; the chain's errors.
    package func setUp() async throws -> Issuer {
        _ = try ChainBootstrap.create(in: directory, chainId: "bench-credentials")
        let runtime = try NodeRuntime(directory: directory)
        let key = KeyReference("bench-issuer")
        runtime.custodian.add(Secp256k1PrivateKey(), as: key)
        let publicKey = try await runtime.custodian.publicKey(for: key)
        let did = try DIDChancery(chainId: runtime.genesis.chainId, publicKey: publicKey).did
        // The issuer DID has its own key beside the operator's membership key, as any account's DID.
        let custody = AccountCustody(name: "operator", custodian: runtime.custodian, memberKey: KeyReference("operator"),
                                     didKeys: [AccountDIDKey(did: did.description, key: key.id, publicKey: .secp256k1(publicKey))])
        _ = try await runtime.submitDIDOperation(.create, did: did, document: try DIDChancery.defaultDocument(for: did, publicKey: publicKey),
                                                 previousVersionId: 0, signer: (runtime.custodian, key), member: custody.member)
        let receipt = try await runtime.submitCredentialOperation(.cptRegister, did: did,
                                                                  payload: CredentialLedgerPayload.cptRegistration(schema: Self.schema), signer: custody)
        guard let cpt = try runtime.credentialRegistry().schemaIdentifier(registeredBy: receipt.transactionId) else {
            throw BenchmarkError("The benchmark CPT did not register.")
        }
        _ = try await runtime.submitCredentialOperation(.issuerApply, did: did,
                                                        payload: CredentialLedgerPayload.issuerApplication(name: "Bench University", schemas: [cpt.number]),
                                                        signer: custody)
        _ = try await runtime.approve(IssuerRegistryExecutor.accreditation(of: did, schemas: [cpt.number]))
        let signer = try await CustodianSigner(custodian: runtime.custodian, key: key, verificationMethod: "\(did)#key-1")
        progress("issuer \(did) accredited for \(cpt)")
        return Issuer(runtime: runtime, did: did, signer: signer, custody: custody, cpt: cpt.description)
    }

    /// A subject row like a registrar's export.
    package static func subject(_ index: Int) -> JSONObject {
        ["id": .string("did:example:student-\(index)"), "name": .string("Student \(index)"),
         "degree": .string(["BSc", "MSc", "PhD"][index % 3]), "year": .number(Double(2000 + index % 25))]
    }

    /// Runs `work(i)` for `i` in `0..<count` on every core; returns the wall time in seconds.
    package static func parallel(_ count: Int, _ work: @escaping @Sendable (Int) async -> Void) async -> Double {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let start = DispatchTime.now().uptimeNanoseconds
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var index = worker
                    while index < count {
                        await work(index)
                        index += workers
                    }
                }
            }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
