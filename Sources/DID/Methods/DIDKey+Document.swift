internal import Primitives

extension DIDKey {
    /// The DID document the did:key method defines (§ "Document Creation Algorithm") with
    /// Multikey methods: the key's method, referenced from `authentication`,
    /// `assertionMethod`, `capabilityInvocation` and `capabilityDelegation`; for Ed25519 also
    /// the derived X25519 key (multicodec `0xec`) as the only `keyAgreement` method.
    public var document: DIDDocument {
        var document = DIDDocument(id: did, context: [.string(DIDDocument.didContext), .string(Self.multikeyContext)])
        let signingID = verificationMethodID
        document.verificationMethod = [VerificationMethod(id: signingID, controller: did, multikey: publicKey)]
        for relationship in [VerificationRelationship.authentication, .assertionMethod, .capabilityInvocation, .capabilityDelegation] {
            document[relationship] = [.reference(signingID)]
        }
        if let keyAgreementKey {
            let multikey = Multibase.encode(Multicodec.x25519Pub.prefixing(keyAgreementKey.rawRepresentation), base: .base58BTC)
            let agreementID = Self.fragment(multikey, of: did)
            document.verificationMethod.append(
                VerificationMethod(id: agreementID, type: .multikey, controller: did, publicKeyMultibase: multikey))
            document.keyAgreement = [.reference(agreementID)]
        }
        return document
    }

    /// Resolves did:key DIDs locally by expanding the key into its document.
    public struct Resolver: DIDResolver {
        /// Makes the resolver; it holds no state.
        public init() {}

        /// Resolves a did:key DID.
        /// - Parameters:
        ///   - did: the DID.
        ///   - options: `accept` picks the representation; `versionTime` is ignored (the
        ///     document never changes); any `versionId` is `notFound` (there are no versions).
        /// - Returns: the document, or an error result: `methodNotSupported` for another
        ///   method, `invalidDid`, `invalidPublicKey` or `unsupportedPublicKeyType` for a bad
        ///   identifier, `representationNotSupported` for an unsupported `accept`.
        public func resolve(_ did: DID, options: DIDResolutionOptions) async -> DIDResolutionResult {
            guard let contentType = DIDMediaType.negotiate(options.accept) else {
                return DIDResolutionResult(error: DIDError(.representationNotSupported,
                    "did:key documents are served as \(DIDMediaType.documentTypes.joined(separator: ", "))."))
            }
            guard options.versionId == nil else {
                return DIDResolutionResult(error: DIDError(.notFound, "did:key documents have no versions."))
            }
            do {
                let document = try DIDKey(did).document.represented(as: contentType)
                return DIDResolutionResult(didDocument: document, didResolutionMetadata: DIDResolutionMetadata(contentType: contentType))
            } catch {
                return DIDResolutionResult(error: error as? DIDError ?? DIDError.invalidDID("The did:key identifier does not encode a usable key."))
            }
        }
    }
}
