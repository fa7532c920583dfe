public import Primitives

/// One named key of a ``Keystore``: its type, public key and address in clear, its private key
/// sealed. Version 1 holds secp256k1, SM2, Ed25519 and P-256 keys (`specs/custody-keystore.md` §4).
public struct KeystoreEntry: Sendable, CustomStringConvertible {
    /// The members of an entry: an `address` only for the key types that have one (secp256k1
    /// and SM2, which can be accounts on the chain).
    static func members(of element: JSONValue) -> Set<String> {
        let type = element.objectValue?["type"]?.stringValue.flatMap(KeyType.init(name:))
        let base: Set<String> = ["name", "type", "publicKey", "sealed"]
        return type?.signsChainOperations == false ? base : base.union(["address"])
    }

    /// The entry's name, which a ``KeyReference`` carries as its `id`.
    public let name: String
    /// The public key, of either key type.
    public let key: CustodyPublicKey
    /// The address of ``key``: Keccak-256-derived for secp256k1, SM3-derived for SM2; `nil`
    /// for Ed25519 and P-256 keys.
    public let address: EthereumAddress?
    /// nonce ‖ ciphertext ‖ tag of the 32-byte scalar.
    let sealed: [UInt8]

    /// The key type, the entry's `type` member.
    public var keyType: KeyType { key.keyType }
    /// The public key when it is a secp256k1 key; `nil` for an entry of another type.
    public var publicKey: Secp256k1PublicKey? {
        guard case .secp256k1(let publicKey) = key else { return nil }
        return publicKey
    }

    /// Seals `key` under the file key, bound to this entry's name and the file's salt.
    init(sealing privateKey: CustodyPrivateKey, name: String, fileKey: SecureBytes, salt: [UInt8]) throws {
        self.name = name
        key = privateKey.publicKey
        address = key.address
        let associatedData = Self.associatedData(name: name, key: key, address: address, salt: salt)
        do {
            sealed = try privateKey.secret.withUnsafeBytes { scalar in
                try XChaCha20Poly1305.seal(scalar, key: fileKey, associatedData: associatedData)
            }
        } catch {
            throw KeyCustodyError(.backendFailure, "The key \"\(name)\" could not be encrypted for the keystore.")
        }
    }

    /// Reads one element of the `keys` array.
    /// - Throws: the reader's error when a member is missing, malformed or inconsistent.
    init(_ json: StrictJSONObject, failure: (String) -> KeyCustodyError) throws {
        name = try json.string("name")
        guard Self.isValid(name: name) else { throw failure("a key name is not 1 to 128 printable ASCII characters") }
        guard let type = KeyType(name: try json.string("type")) else {
            throw failure("key \"\(name)\" is not of type \(KeyType.all.map(\.name).joined(separator: ", "))")
        }
        let point = try json.hex("publicKey", count: type == .ed25519 ? 32 : 33)
        guard let key = try? CustodyPublicKey(type: type, compressed: point) else {
            throw failure("the publicKey of key \"\(name)\" is not a compressed \(type) point")
        }
        self.key = key
        address = key.address
        // members(of:) made `address` present exactly when the type has one.
        if let address, try json.string("address") != address.description {
            throw failure("the address of key \"\(name)\" is not the EIP-55 address of its publicKey")
        }
        sealed = try json.hex("sealed", count: 32 + XChaCha20Poly1305.overhead)
    }

    var json: JSONValue {
        .object(JSONObject([
            ("name", .string(name)),
            ("type", .string(keyType.name)),
            ("publicKey", .string(Hex.encode(key.compressedRepresentation))),
        ] + (address.map { [("address", .string($0.description))] } ?? []) + [
            ("sealed", .string(Hex.encode(sealed))),
        ]))
    }

    /// Decrypts the private key and checks it against the public key in clear.
    /// - Throws: the reader's error when the entry does not authenticate under `fileKey`.
    func unseal(fileKey: SecureBytes, salt: [UInt8], failure: (String) -> KeyCustodyError) throws -> CustodyPrivateKey {
        let associatedData = Self.associatedData(name: name, key: key, address: address, salt: salt)
        guard var scalar = try? XChaCha20Poly1305.open(sealed, key: fileKey, associatedData: associatedData) else {
            throw failure("key \"\(name)\" does not authenticate (its fields were altered, or its sealed bytes belong to another entry or file)")
        }
        // Best effort: Primitives returns the plaintext as an array, which is not wiped for us.
        defer { scalar.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        guard let privateKey = try? CustodyPrivateKey(type: keyType, secret: SecureBytes(scalar)), privateKey.publicKey == key else {
            throw failure("the private key of \"\(name)\" does not match its publicKey")
        }
        return privateKey
    }

    /// Whether `name` can name an entry: printable ASCII without space, so that two names are
    /// equal exactly when their bytes are and no Unicode normalisation can confuse them.
    static func isValid(name: String) -> Bool {
        (1...128).contains(name.utf8.count) && name.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// Binds the ciphertext to everything the entry says in clear and to its file (`specs/custody-keystore.md` §4).
    static func associatedData(name: String, key: CustodyPublicKey, address: EthereumAddress?, salt: [UInt8]) -> [UInt8] {
        JCS.canonicalize(.object(JSONObject([
            ("format", .string(Keystore.format)), ("version", .number(Double(Keystore.version))),
            ("role", "key"), ("salt", .string(Hex.encode(salt))),
            ("name", .string(name)), ("type", .string(key.keyType.name)),
            ("publicKey", .string(Hex.encode(key.compressedRepresentation))),
        ] + (address.map { [("address", .string($0.description))] } ?? []))))
    }

    /// Names the entry by its name and address; the sealed bytes stay out of logs.
    public var description: String { "KeystoreEntry(\(name), \(address?.description ?? key.description))" }
}
