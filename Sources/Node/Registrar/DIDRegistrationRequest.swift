public import DID
public import Primitives

/// A DID write asked of the node's registrar (DIF Universal Registrar v1: `POST /1.0/create`,
/// `/1.0/update`, `/1.0/deactivate`) by a logged-in full-custody account.
public enum DIDRegistrationRequest: Sendable {
    /// A new `did:chancery` DID with a fresh key in the account's vault, and these services.
    case create(services: [ServiceDraft])
    /// A change of an existing DID's services.
    case update(did: DID, operation: DIDDocumentOperation, services: [ServiceDraft])
    /// The end of a DID.
    case deactivate(did: DID)
}

/// How an update changes the document (DID Registration's `didDocumentOperation`). Only services
/// change through the registrar: the verification methods are the vault's keys, which the node
/// generates and lists itself.
public enum DIDDocumentOperation: String, Sendable, CaseIterable {
    /// The given services replace all of the document's.
    case setDidDocument
    /// The given services are added; an id already in the document is refused.
    case addToDidDocument
    /// The services with the given ids are removed; an id not in the document is refused.
    case removeFromDidDocument
}

/// A service before its DID is known: a fragment for its id, its types and endpoint.
public struct ServiceDraft: Sendable, Hashable {
    /// The id's fragment, without `#`.
    public let fragment: String
    /// The service's type or types.
    public let type: OneOrMany<String>
    /// The endpoint as the request gave it.
    public let serviceEndpoint: JSONValue

    /// A draft from its parts.
    public init(fragment: String, type: OneOrMany<String>, serviceEndpoint: JSONValue) {
        self.fragment = fragment
        self.type = type
        self.serviceEndpoint = serviceEndpoint
    }

    /// The service in the document of `did`.
    public func service(for did: DID) -> Service {
        Service(id: "\(did)#\(fragment)", type: type, serviceEndpoint: serviceEndpoint)
    }
}
