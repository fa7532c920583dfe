public import Primitives

/// A DID document (W3C DID Core §5): the verification methods and services of a DID subject.
///
/// Read with ``init(json:)`` or ``init(parsing:)``, check with ``validateStructure()``, write
/// with ``jsonValue``; members this type does not model are kept in ``additionalProperties``.
/// ```swift
/// var document = DIDDocument(id: did)
/// document.verificationMethod.append(VerificationMethod(id: keyURL, controller: did, multikey: key))
/// document.assertionMethod.append(.reference(keyURL))
/// try document.validateStructure()
/// ```
/// Empty sets are omitted when writing, so `"service": []` reads back as no member.
public struct DIDDocument: Hashable, Sendable {
    /// The DID Core JSON-LD context, the first `@context` entry of `application/did+ld+json`.
    public static let didContext = "https://www.w3.org/ns/did/v1"
    /// The DID 1.1 JSON-LD context, the first `@context` entry of `application/did`.
    public static let didContextV11 = "https://www.w3.org/ns/did/v1.1"

    /// The `@context` member as written, or `nil` for plain `application/did+json`.
    public var context: JSONValue?
    /// The DID subject.
    public var id: DID
    /// Other URIs for the same subject.
    public var alsoKnownAs: [String]
    /// The DIDs allowed to change this document, besides the subject's own methods.
    public var controller: OneOrMany<DID>?
    /// The methods the document defines, to be referenced by the relationships.
    public var verificationMethod: [VerificationMethod]
    /// Methods that authenticate as the subject.
    public var authentication: [VerificationMethodEntry]
    /// Methods that issue statements (credentials) for the subject.
    public var assertionMethod: [VerificationMethodEntry]
    /// Methods for key agreement with the subject.
    public var keyAgreement: [VerificationMethodEntry]
    /// Methods that invoke capabilities as the subject.
    public var capabilityInvocation: [VerificationMethodEntry]
    /// Methods that delegate capabilities.
    public var capabilityDelegation: [VerificationMethodEntry]
    /// The subject's services.
    public var service: [Service]
    /// Members this type does not model, kept in order for round trips.
    public var additionalProperties: JSONObject

    /// Makes an empty document for `id`.
    /// - Parameters:
    ///   - id: the DID subject.
    ///   - context: the `@context` member; by default the DID Core context alone.
    public init(id: DID, context: JSONValue? = .string(DIDDocument.didContext)) {
        self.context = context
        self.id = id
        alsoKnownAs = []
        controller = nil
        verificationMethod = []
        authentication = []
        assertionMethod = []
        keyAgreement = []
        capabilityInvocation = []
        capabilityDelegation = []
        service = []
        additionalProperties = JSONObject()
    }

    /// The entries of one verification relationship.
    /// - Parameter relationship: the relationship.
    public subscript(relationship: VerificationRelationship) -> [VerificationMethodEntry] {
        get {
            switch relationship {
            case .authentication: authentication
            case .assertionMethod: assertionMethod
            case .keyAgreement: keyAgreement
            case .capabilityInvocation: capabilityInvocation
            case .capabilityDelegation: capabilityDelegation
            }
        }
        set {
            switch relationship {
            case .authentication: authentication = newValue
            case .assertionMethod: assertionMethod = newValue
            case .keyAgreement: keyAgreement = newValue
            case .capabilityInvocation: capabilityInvocation = newValue
            case .capabilityDelegation: capabilityDelegation = newValue
            }
        }
    }

    /// Every verification method in the document: the top-level ones, then those embedded in
    /// relationships.
    public var allVerificationMethods: [VerificationMethod] {
        verificationMethod + VerificationRelationship.allCases.flatMap { relationship in
            self[relationship].compactMap { entry in
                if case .embedded(let method) = entry { method } else { nil }
            }
        }
    }
}
