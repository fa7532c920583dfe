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
        try add(Secp256k1PrivateKey(), name: name)
    }

    /// Adds an existing private key to the keystore and saves the file.
    /// - Parameters:
    ///   - name: the entry name, as for ``generateKey(name:)``.
    ///   - privateKey: the key to keep.
    /// - Returns: its public key.
    /// - Throws: as ``generateKey(name:)``.
    @discardableResult
    public func importKey(name: String, privateKey: Secp256k1PrivateKey) throws -> Secp256k1PublicKey {
        try add(privateKey, name: name)
    }

    /// The public key of a held key.
    /// - Throws: `KeyCustodyError.keyNotFound` naming the key and file.
    public func publicKey(for key: KeyReference) async throws -> Secp256k1PublicKey {
        try privateKey(key).publicKey
    }

    /// The decrypted key behind `key`.
    /// - Throws: `KeyCustodyError.keyNotFound` naming the key and file.
    func privateKey(_ key: KeyReference) throws -> Secp256k1PrivateKey {
        guard let privateKey = state.withLock({ $0.keys[key.id] }) else {
            throw KeyCustodyError(.keyNotFound, "The keystore \(path) holds no key named \"\(key.id)\".")
        }
        return privateKey
    }

    private func add(_ key: Secp256k1PrivateKey, name: String) throws -> Secp256k1PublicKey {
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
            return key.publicKey
        }
    }
}
