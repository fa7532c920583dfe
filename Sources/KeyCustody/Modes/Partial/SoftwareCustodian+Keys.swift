public import Primitives

extension SoftwareCustodian {
    /// Generates a fresh key, adds it to the keystore and saves the file.
    /// - Parameter name: the entry name: 1 to 128 printable ASCII characters, no space.
    /// - Returns: the new public key.
    /// - Throws: `KeyCustodyError.invalidInput` for a bad or taken name; `.backendFailure` when
    ///   the file changed on disk since it was opened; `.backendUnavailable` when it cannot be
    ///   written. The key is not added when saving fails.
    @discardableResult
    public func generateKey(name: String) throws -> Secp256k1PublicKey {
        let key = Secp256k1PrivateKey()
        try add(.secp256k1(key), name: name)
        return key.publicKey
    }

    /// Generates a fresh key of any type, adds it to the keystore (its `type` member names the
    /// type) and saves the file.
    /// - Parameters:
    ///   - name: the entry name, as for ``generateKey(name:)``.
    ///   - type: the key type.
    /// - Returns: the new public key.
    /// - Throws: as ``generateKey(name:)``.
    @discardableResult
    public func generateKey(name: String, type: KeyType) throws -> CustodyPublicKey {
        let key = CustodyPrivateKey.generate(type)
        try add(key, name: name)
        return key.publicKey
    }

    /// Adds an existing private key to the keystore and saves the file.
    /// - Parameters:
    ///   - name: the entry name, as for ``generateKey(name:)``.
    ///   - privateKey: the key to keep.
    /// - Returns: its public key.
    /// - Throws: as ``generateKey(name:)``.
    @discardableResult
    public func importKey(name: String, privateKey: Secp256k1PrivateKey) throws -> Secp256k1PublicKey {
        try add(.secp256k1(privateKey), name: name)
        return privateKey.publicKey
    }

    /// Adds an existing SM2 private key to the keystore and saves the file.
    /// - Parameters:
    ///   - name: the entry name, as for ``generateKey(name:)``.
    ///   - privateKey: the key to keep.
    /// - Returns: its public key.
    /// - Throws: as ``generateKey(name:)``.
    @discardableResult
    public func importKey(name: String, privateKey: SM2PrivateKey) throws -> SM2PublicKey {
        try add(.sm2(privateKey), name: name)
        return privateKey.publicKey
    }

    /// The public key of a held secp256k1 key.
    /// - Throws: `KeyCustodyError.keyNotFound` naming the key and file; `.unsupportedKeyType`
    ///   for a key of another type (read it with ``typedPublicKey(for:)``).
    public func publicKey(for key: KeyReference) async throws -> Secp256k1PublicKey {
        try privateKey(key).publicKey
    }

    /// The decrypted secp256k1 key behind `key`.
    /// - Throws: `KeyCustodyError.keyNotFound` naming the key and file; `.unsupportedKeyType`
    ///   for a key of another type.
    func privateKey(_ key: KeyReference) throws -> Secp256k1PrivateKey {
        try heldKey(key).secp256k1(key.id)
    }

    /// The decrypted key behind `key`, of any type.
    /// - Throws: `KeyCustodyError.keyNotFound` naming the key and file.
    func heldKey(_ key: KeyReference) throws -> CustodyPrivateKey {
        guard let privateKey = state.withLock({ $0.keys[key.id] }) else {
            throw KeyCustodyError(.keyNotFound, "The keystore \(path) holds no key named \"\(key.id)\".")
        }
        return privateKey
    }

    private func add(_ key: CustodyPrivateKey, name: String) throws {
        guard KeystoreEntry.isValid(name: name) else {
            throw KeyCustodyError(.invalidInput, "A key name is 1 to 128 printable ASCII characters without spaces.")
        }
        return try state.withLock { state in
            guard state.keys[name] == nil else {
                throw KeyCustodyError(.invalidInput, "The keystore \(path) already holds a key named \"\(name)\".")
            }
            var keystore = state.keystore
            keystore.entries.append(try KeystoreEntry(sealing: key, name: name, fileKey: fileKey, salt: keystore.kdf.salt))
            let content = keystore.serialized()
            // Replacing a file that another writer changed would silently drop its keys.
            guard (try? KeystoreFile.contents(of: path)) == state.fileContent else {
                throw KeyCustodyError(.backendFailure, "The keystore \(path) changed on disk since it was opened; reopen it and try again.")
            }
            try KeystoreFile.publish(content, at: path, replacing: true)
            state = .init(keystore: keystore, keys: state.keys.merging([name: key]) { $1 }, fileContent: content)
        }
    }
}
