import Primitives

/// DEFLATE with a preset dictionary for the JSON a ledger stores (`specs/chain.md` §6.3): the
/// bodies of transactions whose body is JSON text and the JSON state values. Records of one kind
/// share their words (`"verificationMethod"`, a DID's prefix, context URLs), which the
/// dictionary spells once per ledger instead of once per row. A value is kept packed only when
/// that saves at least ``minimumSaving`` bytes.
enum SQLitePacking {
    /// Smaller savings are not worth a decompression on every read.
    static let minimumSaving = 16
    /// The largest unpacked size accepted (a transaction's limit, a state value's).
    static let maximumSize = 1 << 24

    /// The dictionary of a new ledger: vocabulary of the JSON documents the chain's modules
    /// store, then the prefix of the chain's own DIDs (the nearest words cost least).
    static func dictionary(chainId: String) -> [UInt8] {
        Array(vocabulary.utf8) + Array("\"did:chancery:\(chainId):0x".utf8)
    }

    private static let vocabulary = """
        {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/2018/credentials/v1",\
        "type":"JsonSchema","credentialSchema":{"id":"urn:chancery:cpt:","issuer":"validFrom":"validUntil":\
        "credentialStatus":{"statusListCredential":"statusListIndex":"statusPurpose":"revocation","suspension",\
        "BitstringStatusListEntry","name":"description":"schema":{"$schema":"https://json-schema.org/draft/2020-12/schema",\
        "properties":{"required":["type":"string","object","accreditation":"grantee":"scope":"purpose":"signature":\
        {"created":"deactivated":false,"document":{"@context":["https://www.w3.org/ns/did/v1",\
        "https://w3id.org/security/multikey/v1"],"assertionMethod":["authentication":["capabilityInvocation":[\
        "keyAgreement":["service":[{"id":"serviceEndpoint":"https://","type":"LinkedDomains"}],"controller":\
        "verificationMethod":[{"controller":"id":"publicKeyMultibase":"zQ3s","type":"Multikey"}]},\
        "updated":"versionId":1},"did":"previousVersionId":0,"proof":"#key-1"],"#key-1","id":
        """

    /// Whether bytes are JSON text worth trying: an object of some length.
    static func isCandidate(_ bytes: some Collection<UInt8>) -> Bool { bytes.count >= 64 && bytes.first == UInt8(ascii: "{") }

    /// `bytes` packed, or `nil` when packing would not save ``minimumSaving`` bytes.
    static func pack(_ bytes: [UInt8], dictionary: [UInt8]) -> [UInt8]? {
        let packed = Deflate.compress(bytes, dictionary: dictionary, level: 1)
        return packed.count + minimumSaving <= bytes.count ? packed : nil
    }

    /// Unpacks bytes made by ``pack(_:dictionary:)``.
    /// - Throws: `ChainError.corruptLedger` when they do not unpack.
    static func unpack(_ bytes: [UInt8], dictionary: [UInt8]) throws -> [UInt8] {
        do { return try Deflate.decompress(bytes, dictionary: dictionary, maximumSize: maximumSize) } catch {
            throw ChainError(.corruptLedger, "A packed value of the ledger does not unpack: \(error).")
        }
    }
}
