public import Primitives

extension SplitVault {
    /// Creates an account: generates its key, splits it, stores one sealed share per node and
    /// the public record, and forgets the key.
    /// - Parameters:
    ///   - username: the account name, 1...256 UTF-8 bytes, compared exactly.
    ///   - password: the user's password; only its Argon2id-derived per-node keys leave here.
    ///   - threshold: t, how many nodes recovery needs (``defaultThreshold`` when `nil`).
    ///   - nodes: the n holders, all among ``nodes`` (all of them by default).
    /// - Returns: the account's public key.
    /// - Throws: `KeyCustodyError.invalidInput` for a bad username, threshold or node list, or an
    ///   existing account; `.backendUnavailable` when a node or the records directory cannot be
    ///   written, in which case shares already stored are removed again.
    public func createAccount(
        username: String, password: SecureBytes, threshold: Int? = nil, nodes: [any VaultShareHolder]? = nil
    ) async throws -> Secp256k1PublicKey {
        guard case .secp256k1(let publicKey) = try await createAccount(username: username, password: password, keyType: .secp256k1,
                                                                  threshold: threshold, nodes: nodes) else {
            preconditionFailure("a secp256k1 dealing has secp256k1 commitments")
        }
        return publicKey
    }

    /// Creates an account whose key is of a given type: SM2 shares over SM2's group order
    /// (``SM2FeldmanVSS``), every other type's over secp256k1's (``FeldmanVSS``), with
    /// commitments on the curve of the shares.
    /// - Parameters:
    ///   - username: the account name, as for ``createAccount(username:password:threshold:nodes:)``.
    ///   - password: the user's password.
    ///   - keyType: any ``KeyType``.
    ///   - threshold: t.
    ///   - nodes: the n holders.
    /// - Returns: the account's public key.
    /// - Throws: as ``createAccount(username:password:threshold:nodes:)``.
    public func createAccount(
        username: String, password: SecureBytes, keyType: KeyType, threshold: Int? = nil, nodes: [any VaultShareHolder]? = nil
    ) async throws -> CustodyPublicKey {
        try checkNewAccount(username: username, threshold: threshold ?? defaultThreshold, holders: nodes ?? self.nodes)
        let salt = SecureRandom.bytes(count: Argon2id.saltLength)
        let key = VaultPasswordKey(key: try await VaultKeyDerivation.derivePasswordKey(password: password, salt: salt, parameters: parameters),
                                   salt: salt, parameters: parameters)
        return try await createAccount(username: username, passwordKey: key, keyType: keyType, threshold: threshold, nodes: nodes)
    }

    /// Creates an account under a password key a session kept (``VaultPasswordKey``): the same
    /// salt and Argon2id parameters as the account it came from, so the user's password alone
    /// recovers the new key too, and no password is needed here.
    /// - Parameters:
    ///   - username: the new account's name.
    ///   - passwordKey: the password key of one of the user's accounts.
    ///   - keyType: any ``KeyType``.
    ///   - threshold: t.
    ///   - nodes: the n holders.
    /// - Returns: the account's public key.
    /// - Throws: as ``createAccount(username:password:threshold:nodes:)``.
    public func createAccount(
        username: String, passwordKey: VaultPasswordKey, keyType: KeyType, threshold: Int? = nil, nodes: [any VaultShareHolder]? = nil
    ) async throws -> CustodyPublicKey {
        let holders = nodes ?? self.nodes
        let threshold = threshold ?? defaultThreshold
        try checkNewAccount(username: username, threshold: threshold, holders: holders)
        let dealing: (shares: [ShamirShare], commitments: [CustodyPublicKey], publicKey: CustodyPublicKey)
        do {
            let key = CustodyPrivateKey.generate(keyType)
            if case .sm2(let sm2) = key {
                let split = try SM2FeldmanVSS.split(sm2, threshold: threshold, shareCount: holders.count)
                dealing = (split.shares, split.commitments.map(CustodyPublicKey.sm2), key.publicKey)
            } else {
                // The secret of every other type is below secp256k1's order (CustodyPrivateKey.generate).
                let split = try FeldmanVSS.split(Secp256k1PrivateKey(secret: key.secret), threshold: threshold, shareCount: holders.count)
                dealing = (split.shares, split.commitments.map(CustodyPublicKey.secp256k1), key.publicKey)
            }
        } catch { throw KeyCustodyError(.invalidInput, "The key cannot be split: \(error).") }
        let (salt, parameters) = (passwordKey.salt, passwordKey.parameters)
        let passwordKey = passwordKey.key
        var stored: [any VaultShareHolder] = []
        do {
            for (node, share) in zip(holders, dealing.shares) {
                let authKey = VaultKeyDerivation.userAuthKey(passwordKey: passwordKey, nodeID: node.nodeID)
                try await node.storeShare(share, account: username, userAuthKey: authKey)
                stored.append(node)
            }
            let record = VaultAccountRecord(
                username: username, publicKey: dealing.publicKey, commitments: dealing.commitments, salt: salt, parameters: parameters,
                holders: zip(dealing.shares, holders).map { .init(index: $0.index, nodeID: $1.nodeID) })
            guard try VaultFiles.createOnce(SecureBytes(record.encoded()), at: recordPath(username: username), mode: 0o644) else {
                throw KeyCustodyError(.invalidInput, "A vault account named \"\(username)\" already exists.")
            }
        } catch {
            for node in stored { try? await node.deleteShare(account: username) }
            throw error
        }
        return dealing.publicKey
    }

    /// Refuses a new account that could not be recovered or that exists already.
    /// - Throws: `KeyCustodyError.invalidInput` naming the problem.
    private func checkNewAccount(username: String, threshold: Int, holders: [any VaultShareHolder]) throws {
        try Self.checkUsername(username)
        guard (1...255).contains(holders.count), (1...holders.count).contains(threshold) else {
            throw KeyCustodyError(.invalidInput, "A vault account needs 1 ≤ threshold ≤ nodes ≤ 255, not \(threshold)-of-\(holders.count).")
        }
        let known = Set(self.nodes.map(\.nodeID)), ids = holders.map(\.nodeID)
        guard Set(ids).count == ids.count, ids.allSatisfy(known.contains) else {
            throw KeyCustodyError(.invalidInput, "The share holders must be distinct nodes of this vault, or recovery could not reach them.")
        }
        guard !VaultFiles.exists(recordPath(username: username)) else {
            throw KeyCustodyError(.invalidInput, "A vault account named \"\(username)\" already exists.")
        }
    }
}
