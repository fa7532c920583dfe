import Chain
import ChainTestSupport
import Credentials
import DID
import KeyCustody
import Primitives

/// A did:chancery identity whose keys live in the fixture's custodian.
struct Identity {
    let did: DID
    let key: KeyReference
    let publicKey: Secp256k1PublicKey
}

/// A chain with the DID and credential-ledger handlers and the issuer-registry executor, and
/// helpers to submit signed credential-ledger operations.
struct CredentialChain {
    let chain: ChainFixture

    init(sqlite: Bool = false, committee: Int = 1, threshold: Int = 1) throws {
        let handlers: [any TransactionHandler] = DIDOperationHandler.all().map { $0 as any TransactionHandler }
            + CredentialHandlers.all() + [GovernanceHandler(additional: [IssuerRegistryExecutor()])]
        chain = try ChainFixture(sqlite: sqlite, committee: committee, threshold: threshold, extraHandlers: handlers)
    }

    var chainId: String { chain.chainId }
    var ledger: CredentialLedger { CredentialLedger(chainId: chain.chainId, state: chain.store) }
    var now: UInt64 { chain.clock.nowMilliseconds() }

    /// A key in the custodian and the DID it would incept, not yet on the chain.
    func newIdentity(_ name: String) throws -> Identity {
        let reference = KeyReference("did-\(name)")
        let publicKey = chain.custodian.generate(reference)
        return Identity(did: try DIDChancery(chainId: chain.chainId, publicKey: publicKey).did, key: reference, publicKey: publicKey)
    }

    /// A DID created on the chain with its default document.
    func create(_ name: String) async throws -> Identity {
        let identity = try newIdentity(name)
        let document = try DIDChancery.defaultDocument(for: identity.did, publicKey: identity.publicKey)
        let operation = try await DIDOperation.signed(.create, did: identity.did, document: document, previousVersionId: 0,
                                                      chainId: chainId, custodian: chain.custodian, key: identity.key)
        _ = try await chain.submit(type: DIDOperation.Kind.create.transactionType, body: operation.body)
        return identity
    }

    /// Deactivates a DID created by ``create(_:)`` (at version 1).
    func deactivate(_ identity: Identity) async throws {
        let operation = try await DIDOperation.signed(.deactivate, did: identity.did, document: nil, previousVersionId: 1,
                                                      chainId: chainId, custodian: chain.custodian, key: identity.key)
        _ = try await chain.submit(type: DIDOperation.Kind.deactivate.transactionType, body: operation.body)
    }

    /// Submits an operation for `identity`'s DID, signed by `signer` (its own key by default).
    @discardableResult
    func submit(_ type: TransactionType, as identity: Identity, payload: JSONObject,
                signer: KeyReference? = nil) async throws -> TransactionReceipt {
        let operation = try await DIDAuthorizedOperation.signed(type: type, did: identity.did, payload: payload, chainId: chainId,
                                                                custodian: chain.custodian, key: signer ?? identity.key)
        return try await chain.submit(type: type, body: operation.body)
    }

    /// Registers a schema and returns the identifier the chain assigned.
    func register(_ schema: JSONValue, as identity: Identity, number: UInt64? = nil) async throws -> CPTIdentifier {
        let receipt = try await submit(.cptRegister, as: identity, payload: CredentialLedgerPayload.cptRegistration(schema: schema, number: number))
        guard let id = try ledger.schemaIdentifier(registeredBy: receipt.transactionId) else { throw Missing() }
        return id
    }

    /// Submits committee approvals of `action` by members `0..<count`.
    func approve(_ action: GovernanceAction, by members: Range<Int>) async throws {
        for index in members { _ = try await chain.node.submit(try await chain.approval(action, by: index)) }
    }

    static let diploma: JSONValue = [
        "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Diploma", "type": "object",
        "properties": ["degree": ["type": "string"]], "required": ["degree"],
    ]

    struct Missing: Error {}
}
