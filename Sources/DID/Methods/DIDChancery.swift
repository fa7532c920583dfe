public import Primitives

/// The `did:chancery` method (`specs/did-method.md`): `did:chancery:<chain-id>:0x<address>`,
/// where the address is the Ethereum-style address of the inception key, in EIP-55 case.
///
/// ```swift
/// let did = try DIDChancery(chainId: "chancery-local", publicKey: key.publicKey).did
/// let result = await DIDChancery.Resolver(chainId: chainId, state: store).resolve(did)
/// ```
public struct DIDChancery: Hashable, Sendable {
    /// The method name, `chancery`.
    public static let methodName = "chancery"

    /// The chain the DID lives on.
    public let chainId: String
    /// The inception key's address.
    public let address: EthereumAddress
    /// The DID in canonical form (EIP-55 address).
    public let did: DID

    /// The DID of an inception key on a chain.
    /// - Throws: `DIDError.invalidDid` for a chain id that is not a DID idchar string.
    public init(chainId: String, publicKey: Secp256k1PublicKey) throws {
        guard let address = try? EthereumAddress(publicKey: publicKey.uncompressedRepresentation) else {
            throw DIDError.invalidPublicKey("The key has no Ethereum-style address.")
        }
        try self.init(chainId: chainId, address: address)
    }

    /// The DID of an SM2 inception key on a chain: the address is the last 20 bytes of SM3 of
    /// the key's 64-byte `x ‖ y`, FISCO BCOS's national-cryptography (GM) derivation
    /// (`specs/did-method.md` §1.1), written in EIP-55 case like every address.
    /// - Throws: `DIDError.invalidDid` for a chain id that is not a DID idchar string.
    public init(chainId: String, publicKey: SM2PublicKey) throws {
        try self.init(chainId: chainId, address: publicKey.address)
    }

    /// The DID of an address on a chain.
    /// - Throws: `DIDError.invalidDid` for a chain id that is not a DID idchar string.
    public init(chainId: String, address: EthereumAddress) throws {
        self.chainId = chainId
        self.address = address
        did = try DID(method: Self.methodName, methodSpecificID: "\(chainId):\(EIP55.encode(address))")
    }

    /// Reads a `did:chancery` DID, accepting the address in any case.
    /// - Throws: `DIDError.methodNotSupported` for another method, `.invalidDid` for a
    ///   malformed chain id or address.
    public init(_ did: DID) throws {
        guard did.method == Self.methodName else {
            throw DIDError(.methodNotSupported, "\(did) is not a did:chancery DID.")
        }
        let parts = did.methodSpecificID.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64,
              parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else {
            throw DIDError.invalidDID("A did:chancery DID is did:chancery:<chain-id>:0x<40 hex digits>.")
        }
        let text = String(parts[1])
        guard text.hasPrefix("0x"), text.count == 42, let bytes = try? Hex.decode(text), let address = try? EthereumAddress(bytes: bytes) else {
            throw DIDError.invalidDID("The address of \(did) is not 0x followed by 40 hex digits.")
        }
        // Mixed case must be the EIP-55 checksum; all-lower or all-upper is accepted unchecked.
        let canonical = EIP55.encode(address)
        let digits = text.dropFirst(2)
        guard canonical == text || digits == digits.lowercased() || digits == digits.uppercased() else {
            throw DIDError.invalidDID("The address of \(did) has a wrong EIP-55 checksum.")
        }
        chainId = String(parts[0])
        self.address = address
        // Already canonical (the common case): keep the parsed DID instead of parsing it again.
        self.did = canonical == text ? did : try DID(method: Self.methodName, methodSpecificID: "\(chainId):\(canonical)")
    }

    /// The default document of a new DID: its inception key as a Multikey verification method
    /// used for authentication, assertion and capability invocation.
    public static func defaultDocument(for did: DID, publicKey: Secp256k1PublicKey) throws -> DIDDocument {
        try defaultDocument(for: did, inceptionKey: .secp256k1(publicKey))
    }

    /// The default document of a new DID with an SM2 inception key: the key as a Multikey
    /// (multicodec `sm2-pub`) used for authentication, assertion and capability invocation.
    public static func defaultDocument(for did: DID, publicKey: SM2PublicKey) throws -> DIDDocument {
        try defaultDocument(for: did, inceptionKey: .sm2(publicKey))
    }

    private static func defaultDocument(for did: DID, inceptionKey: PublicKeyMaterial) throws -> DIDDocument {
        var document = DIDDocument(id: did, context: .array([.string(DIDDocument.didContext), .string(DIDKey.multikeyContext)]))
        let method = VerificationMethod(id: try DIDURL(did: did, fragment: "key-1"), controller: did,
                                            multikey: inceptionKey)
        document.verificationMethod = [method]
        for relationship in [VerificationRelationship.authentication, .assertionMethod, .capabilityInvocation] {
            document[relationship] = [.reference(method.id)]
        }
        return document
    }
}
