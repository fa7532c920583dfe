import Node
import DID
import KeyCustody
import Primitives

/// The edits `didctl did update` makes to a DID document. Added keys are numbered after every
/// `key-N` the document had, so the id of a rotated-out key is never given to another key
/// (credentials signed with the old one must not point at the new one).
struct DIDDocumentChanges {
    var addKeys: [CustodyPublicKey] = []
    var removeKeys: [String] = []
    var addServices: [ServiceArgument] = []
    var removeServices: [String] = []
    var addControllers: [DID] = []

    /// What the relationships of an added key are: the default document's for a key that can
    /// sign DID operations; authentication and assertion only for one that cannot (Ed25519,
    /// P-256), so that no capability is listed that the chain would not honour.
    static func keyRelationships(_ type: KeyType) -> [VerificationRelationship] {
        type.signsChainOperations ? [.authentication, .assertionMethod, .capabilityInvocation] : [.authentication, .assertionMethod]
    }

    /// The document with the changes made: removals first, so that one update can replace a
    /// service or a key under the same name.
    /// - Throws: `DidctlFailure` naming a change that does not fit the document; `DIDError`
    ///   when the result breaks DID Core.
    func applied(to original: DIDDocument) throws -> DIDDocument {
        var document = original
        let did = document.id
        var next = (original.allVerificationMethods.compactMap { $0.id.fragment.flatMap(Self.keyNumber) }.max() ?? 0) + 1
        for text in removeKeys {
            let url = text.hasPrefix("did:") ? try DIDURL(parsing: text)
                                              : try DIDURL(did: did, fragment: text.hasPrefix("#") ? String(text.dropFirst()) : text)
            guard document.allVerificationMethods.contains(where: { $0.id == url }) else {
                throw DidctlFailure("\(did) has no verification method \(url); resolve it to see its keys.")
            }
            document.verificationMethod.removeAll { $0.id == url }
            for relationship in VerificationRelationship.allCases { document[relationship].removeAll { $0.id == url } }
        }
        for key in addKeys {
            let material = PublicKeyMaterial(key)
            if let existing = document.allVerificationMethods.first(where: { (try? $0.publicKeyMaterial()) == material }) {
                throw DidctlFailure("That key is already in the document as \(existing.id).")
            }
            let method = VerificationMethod(id: try DIDURL(did: did, fragment: "key-\(next)"), controller: did, multikey: material)
            next += 1
            document.verificationMethod.append(method)
            for relationship in Self.keyRelationships(key.keyType) { document[relationship].append(.reference(method.id)) }
        }
        for text in removeServices {
            let id = ServiceArgument.serviceID(text, in: did)
            guard document.service.contains(where: { $0.id == id }) else { throw DidctlFailure("\(did) has no service \(id).") }
            document.service.removeAll { $0.id == id }
        }
        for argument in addServices {
            let service = argument.service(for: did)
            guard !document.service.contains(where: { $0.id == service.id }) else {
                throw DidctlFailure("The update would give \(did) two services \(service.id); remove the old one with --remove-service.")
            }
            document.service.append(service)
        }
        for controller in addControllers where !(document.controller?.values.contains(controller) ?? false) {
            let controllers = (document.controller?.values ?? []) + [controller]
            document.controller = controllers.count == 1 ? .one(controller) : .many(controllers)
        }
        // The chain would accept such a document, and nobody could change the DID again.
        guard Self.hasOwnControllerKey(document)
                || document.controller?.values.contains(where: { $0 != did && $0.method == DIDChancery.methodName }) == true else {
            throw DidctlFailure("The update would leave \(did) with no key that can change it; add a key in the same update.")
        }
        try document.validateStructure()
        return document
    }

    /// Whether the document names a secp256k1 key that may change it (`specs/did-method.md` §3).
    private static func hasOwnControllerKey(_ document: DIDDocument) -> Bool {
        let relationship: VerificationRelationship = document.capabilityInvocation.isEmpty ? .authentication : .capabilityInvocation
        return document[relationship].contains { entry in
            let method: VerificationMethod? = switch entry {
            case .embedded(let embedded): embedded
            case .reference(let url): document.verificationMethod(url, authorizedFor: relationship)
            }
            if case .secp256k1? = try? method?.publicKeyMaterial() { return true }
            return false
        }
    }

    private static func keyNumber(_ fragment: String) -> Int? {
        fragment.hasPrefix("key-") ? Int(fragment.dropFirst(4)) : nil
    }
}
