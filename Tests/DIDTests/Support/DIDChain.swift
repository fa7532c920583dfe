import Chain
import ChainTestSupport
import DID
import KeyCustody
import Primitives

/// A chain with the did:chancery handlers, and helpers to submit signed DID operations.
struct DIDChain {
    let chain: ChainFixture

    /// An in-memory chain with the DID handlers, under the genesis state rules `stateVersion`.
    init(stateVersion: Int = Genesis.currentStateVersion) throws {
        chain = try ChainFixture(extraHandlers: DIDOperationHandler.all(), stateVersion: stateVersion)
    }

    /// A chain on a SQLite ledger with the DID handlers and `extraHandlers` (which replace any
    /// handler of the same type).
    init(sqliteWith extraHandlers: [any TransactionHandler], stateVersion: Int = Genesis.currentStateVersion) throws {
        chain = try ChainFixture(sqlite: true, extraHandlers: DIDOperationHandler.all().map { $0 as any TransactionHandler } + extraHandlers,
                                 stateVersion: stateVersion)
    }

    var resolver: DIDChancery.Resolver { DIDChancery.Resolver(chainId: chain.chainId, state: chain.store) }

    /// A new key in the fixture's custodian and the did:chancery DID it incepts.
    func newIdentity(_ name: String) throws -> (did: DID, key: KeyReference, publicKey: Secp256k1PublicKey) {
        let reference = KeyReference("did-\(name)")
        let publicKey = chain.custodian.generate(reference)
        return (try DIDChancery(chainId: chain.chainId, publicKey: publicKey).did, reference, publicKey)
    }

    /// A signed DID operation in a transaction under a fresh one-time key, not yet submitted.
    func transaction(_ kind: DIDOperation.Kind, did: DID, document: DIDDocument?, previousVersionId: UInt64,
                     signer: KeyReference) async throws -> Transaction {
        let operation = try await DIDOperation.signed(kind, did: did, document: document, previousVersionId: previousVersionId,
                                                      chainId: chain.chainId, custodian: chain.custodian, key: signer)
        return try Transaction(type: kind.transactionType, body: operation.body, chainId: chain.chainId,
                               oneTimeKey: try await chain.oneTimeKeys("alice", count: 1)[0])
    }

    @discardableResult
    func submit(_ kind: DIDOperation.Kind, did: DID, document: DIDDocument?, previousVersionId: UInt64,
                signer: KeyReference) async throws -> TransactionReceipt {
        let operation = try await DIDOperation.signed(kind, did: did, document: document, previousVersionId: previousVersionId,
                                                      chainId: chain.chainId, custodian: chain.custodian, key: signer)
        return try await chain.submit(type: kind.transactionType, body: operation.body)
    }

    /// Creates a DID with its default document.
    func create(_ name: String) async throws -> (did: DID, key: KeyReference, publicKey: Secp256k1PublicKey) {
        let identity = try newIdentity(name)
        try await submit(.create, did: identity.did, document: try DIDChancery.defaultDocument(for: identity.did, publicKey: identity.publicKey),
                         previousVersionId: 0, signer: identity.key)
        return identity
    }
}
