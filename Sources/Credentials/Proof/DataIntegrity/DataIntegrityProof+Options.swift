public import Primitives

extension DataIntegrityProof {
    /// The proof options: what the signer states about the proof before signing it.
    public struct Options: Sendable, Hashable {
        /// The cryptosuite that makes and checks the proof.
        public var cryptosuite: DataIntegrityCryptosuite
        /// When the proof was made, an XML Schema `dateTimeStamp` such as `2023-02-24T23:36:38Z`.
        public var created: String?
        /// The URL of the key that checks the proof, such as a `did:key` fragment.
        public var verificationMethod: String
        /// Why the proof was made, such as `assertionMethod` or `authentication`.
        public var proofPurpose: String
        /// A verifier's challenge the proof answers, against replay.
        public var challenge: String?
        /// The domain the proof is restricted to.
        public var domain: String?
        /// The JSON-LD `@context` of the proof; `nil` copies the document's `@context` when signing.
        public var context: JSONValue?
        /// When the proof stops being valid, an XML Schema `dateTimeStamp`, or `nil` for never.
        public var expires: String?

        /// Makes proof options.
        /// - Parameters:
        ///   - cryptosuite: The cryptosuite to sign with.
        ///   - created: An XML Schema `dateTimeStamp`, or `nil` to leave it out.
        ///   - verificationMethod: The URL of the verification key.
        ///   - proofPurpose: The proof purpose, `assertionMethod` by default.
        ///   - challenge: A verifier's challenge, or `nil`.
        ///   - domain: A domain restriction, or `nil`.
        ///   - context: The proof's `@context`, or `nil` to copy the document's.
        ///   - expires: An XML Schema `dateTimeStamp` after which the proof is refused, or `nil`.
        public init(
            cryptosuite: DataIntegrityCryptosuite, created: String? = nil, verificationMethod: String,
            proofPurpose: String = "assertionMethod", challenge: String? = nil, domain: String? = nil,
            context: JSONValue? = nil, expires: String? = nil
        ) {
            self.cryptosuite = cryptosuite
            self.created = created
            self.verificationMethod = verificationMethod
            self.proofPurpose = proofPurpose
            self.challenge = challenge
            self.domain = domain
            self.context = context
            self.expires = expires
        }

        /// The proof configuration object, in the member order of the W3C examples; a legacy
        /// suite is written as its `type`, without `cryptosuite`.
        package var configuration: JSONObject {
            var object = JSONObject()
            object["type"] = .string(cryptosuite.proofType)
            if !cryptosuite.isLegacyProofType { object["cryptosuite"] = .string(cryptosuite.rawValue) }
            if let created { object["created"] = .string(created) }
            if let expires { object["expires"] = .string(expires) }
            object["verificationMethod"] = .string(verificationMethod)
            object["proofPurpose"] = .string(proofPurpose)
            if let challenge { object["challenge"] = .string(challenge) }
            if let domain { object["domain"] = .string(domain) }
            if let context { object["@context"] = context }
            return object
        }
    }
}
