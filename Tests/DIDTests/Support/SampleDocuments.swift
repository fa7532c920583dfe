import DID
import Primitives

/// Documents built from the examples of W3C DID Core 1.0 §5 (the JsonWebKey2020 key with its
/// RFC 7638 `kid` is DID Core's Example "Various public keys"; the LinkedDomains service is its
/// §5.4 example), extended with members DID Core does not define.
enum SampleDocuments {
    static let subject = "did:example:123456789abcdefghi"

    /// A document whose ids are all absolute, so its JSON round-trips exactly.
    static let absoluteText = """
    {
      "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"],
      "id": "did:example:123456789abcdefghi",
      "alsoKnownAs": ["https://example.com/alice"],
      "controller": ["did:example:123456789abcdefghi", "did:example:bcehfew7h32f32h7af3"],
      "verificationMethod": [
        {
          "id": "did:example:123456789abcdefghi#_Qq0UL2Fq651Q0Fjd6TvnYE-faHiOpRlPVQcY_-tA4A",
          "type": "JsonWebKey2020",
          "controller": "did:example:123456789abcdefghi",
          "publicKeyJwk": {"crv": "Ed25519", "x": "VCpo2LMLhn6iWku8MKvSLg2ZAoC-nlOyPVQaO3FxVeQ", "kty": "OKP",
                           "kid": "_Qq0UL2Fq651Q0Fjd6TvnYE-faHiOpRlPVQcY_-tA4A"},
          "expires": "2030-01-01T00:00:00Z"
        },
        {
          "id": "did:example:123456789abcdefghi#key-2",
          "type": "Multikey",
          "controller": "did:example:123456789abcdefghi",
          "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
        }
      ],
      "authentication": [
        "did:example:123456789abcdefghi#key-2",
        {
          "id": "did:example:123456789abcdefghi#keys-3",
          "type": "Multikey",
          "controller": "did:example:123456789abcdefghi",
          "publicKeyMultibase": "zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv"
        }
      ],
      "assertionMethod": ["did:example:123456789abcdefghi#_Qq0UL2Fq651Q0Fjd6TvnYE-faHiOpRlPVQcY_-tA4A"],
      "capabilityDelegation": ["did:example:bcehfew7h32f32h7af3#key-1"],
      "service": [
        {"id": "did:example:123456789abcdefghi#linked-domain", "type": "LinkedDomains",
         "serviceEndpoint": "https://bar.example.com"},
        {"id": "did:example:123456789abcdefghi#hub", "type": ["Hub", "Mailbox"],
         "serviceEndpoint": {"origins": ["https://hub.example.com/"]}, "priority": 1}
      ],
      "customProperty": {"nested": [1, 2.5, null, true]},
      "\\u00e9": "escaped name"
    }
    """

    static func absolute() throws -> DIDDocument { try DIDDocument(parsing: absoluteText) }

    static func did(_ text: String = subject) throws -> DID { try DID(parsing: text) }
    static func url(_ text: String) throws -> DIDURL { try DIDURL(parsing: text) }
}
