import Chain
import ChainTestSupport
import DID
import Foundation
import HTTPServer
import KeyCustody
import Primitives

/// A chain with the did:chancery handlers, one registered DID, one deactivated DID, and an
/// auditor `regulator` admitted by the committee with a signing key the tests hold, whose
/// audit records go under the one-time keys of member `office`.
final class NodeFixture: @unchecked Sendable {
    let chain: ChainFixture
    let auditor = "regulator"
    let auditorKey = Secp256k1PrivateKey()
    let index: AuditIndex
    let service: AuditService
    private(set) var registered: DID!
    private(set) var deactivated: DID!
    /// A DID whose document lists a service `#hub` at https://hub.example/ .
    private(set) var serviced: DID!
    private(set) var firstTransaction: TransactionID!

    init() async throws {
        let chain = try ChainFixture(extraHandlers: DIDOperationHandler.all())
        self.chain = chain
        index = AuditIndex(store: InMemoryAuditIndexStore(), keys: chain.auditorKey)
        service = AuditService(ledger: chain.store, index: index, clock: chain.clock) {
            try await chain.oneTimeKeys("office", count: 1)[0]
        }
        let office = chain.custodian.generate(KeyReference("office"))
        firstTransaction = try await govern(chain.admission("audit office", publicKey: office), submitter: "alice")
        try await govern(GovernanceAction(kind: "admitAuditor", parameters: [
            "id": .string(auditor), "encryptionKey": .string(Hex.encode(chain.auditorKey.publicKey.rawRepresentation)),
            "signingKey": .string(Hex.encode(auditorKey.publicKey.compressedRepresentation))]))
        registered = try await createDID("holder")
        deactivated = try await createDID("former")
        serviced = try await createDID("serviced", services: [("hub", "https://hub.example/")])
        try await submit(.deactivate, did: deactivated, document: nil, previousVersionId: 1, signer: KeyReference("did-former"))
    }

    /// Resolves did:chancery on this chain and did:key, as the node does.
    var resolver: any DIDResolver {
        CompositeResolver([DIDChancery.methodName: DIDChancery.Resolver(chainId: chain.chainId, state: chain.store),
                           DIDKey.methodName: DIDKey.Resolver()])
    }

    /// A request signed by `auditor` (the regulator by default) with `key`, at the clock's time.
    func signedRequest(_ query: AuditQuery, auditor: String? = nil, key: Secp256k1PrivateKey? = nil, time: UInt64? = nil) throws
        -> SignedAuditRequest {
        try SignedAuditRequest(auditor: auditor ?? self.auditor, query: query, time: time ?? chain.clock.nowMilliseconds(),
                               key: key ?? auditorKey, chainId: chain.chainId)
    }

    @discardableResult
    private func govern(_ action: GovernanceAction, submitter: String = "office") async throws -> TransactionID {
        let approval = try await chain.approval(action, by: 0, submitter: submitter)
        _ = try await chain.node.submit(approval)
        return approval.id
    }

    private func createDID(_ name: String, services: [(fragment: String, endpoint: String)] = []) async throws -> DID {
        let reference = KeyReference("did-\(name)")
        let publicKey = chain.custodian.generate(reference)
        let did = try DIDChancery(chainId: chain.chainId, publicKey: publicKey).did
        var document = try DIDChancery.defaultDocument(for: did, publicKey: publicKey)
        document.service = services.map { Service(id: "\(did)#\($0.fragment)", type: .one("LinkedDomains"), serviceEndpoint: .string($0.endpoint)) }
        try await submit(.create, did: did, document: document, previousVersionId: 0, signer: reference)
        return did
    }

    private func submit(_ kind: DIDOperation.Kind, did: DID, document: DIDDocument?, previousVersionId: UInt64,
                        signer: KeyReference) async throws {
        let operation = try await DIDOperation.signed(kind, did: did, document: document, previousVersionId: previousVersionId,
                                                      chainId: chain.chainId, custodian: chain.custodian, key: signer)
        _ = try await chain.submit(type: kind.transactionType, body: operation.body)
    }
}
