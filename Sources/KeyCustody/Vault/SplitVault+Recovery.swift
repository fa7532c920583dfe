public import Primitives

extension SplitVault {
    /// Rebuilds an account's key: authenticates to the share holders in record order, keeps each
    /// share that passes Feldman verification, stops at t, combines them and checks the result
    /// against the public key.
    ///
    /// Nodes that are missing, unreachable, corrupt, locked or that return a bad share are
    /// skipped while t others remain. Only as many nodes are asked as needed, so a success
    /// does not spend attempts on the rest; a wrong password is tried on every holder.
    /// - Parameters:
    ///   - username: the account name.
    ///   - password: the user's password.
    /// - Returns: the private key, whose public key is the account's.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown account; when fewer than t shares
    ///   are gathered, an error listing every node's failure, coded `.authenticationFailed` if
    ///   any node refused the password, else `.lockedOut` if any node was locked, else
    ///   `.backendFailure` if any node held bad data, else `.backendUnavailable`.
    public func recover(username: String, password: SecureBytes) throws -> Secp256k1PrivateKey {
        // Checked first, so that no node spends a guess on a request that cannot succeed.
        guard try record(username: username).keyType == .secp256k1 else {
            throw KeyCustodyError(.unsupportedKeyType, "The vault account \"\(username)\" holds an SM2 key; unlock it in a VaultCustodian to sign SM2.")
        }
        return try recoverKey(username: username, password: password).secp256k1(username)
    }

    /// Rebuilds an account's key of either type, as ``recover(username:password:)`` describes,
    /// checking shares against the commitments of the account's own curve.
    /// - Throws: as ``recover(username:password:)``.
    func recoverKey(username: String, password: SecureBytes) throws -> CustodyPrivateKey {
        let record = try record(username: username)
        let passwordKey = try VaultKeyDerivation.passwordKey(password: password, salt: record.salt, parameters: record.parameters)
        var shares: [ShamirShare] = [], failures: [(nodeID: String, error: KeyCustodyError)] = []
        for holder in record.holders where shares.count < record.threshold {
            guard let node = nodes.first(where: { $0.nodeID == holder.nodeID }) else {
                failures.append((holder.nodeID, KeyCustodyError(.backendUnavailable, "The node is not configured in this vault.")))
                continue
            }
            do {
                let authKey = VaultKeyDerivation.userAuthKey(passwordKey: passwordKey, nodeID: node.nodeID)
                let share = try node.fetchShare(account: username, userAuthKey: authKey)
                guard share.index == holder.index, Self.verify(share, against: record) else {
                    throw KeyCustodyError(.backendFailure, "Share \(holder.index) fails Feldman verification against the account's commitments.")
                }
                shares.append(share)
            } catch {
                failures.append((holder.nodeID, error as? KeyCustodyError ?? KeyCustodyError(.backendFailure, "\(error)")))
            }
        }
        guard shares.count == record.threshold else { throw Self.gatheringFailed(username, record, shares.count, failures) }
        do {
            let key: CustodyPrivateKey = record.keyType == .sm2
                ? .sm2(try SM2FeldmanVSS.combine(shares: shares, commitments: record.sm2Commitments))
                : .secp256k1(try FeldmanVSS.combine(shares: shares, commitments: record.secp256k1Commitments))
            guard key.publicKey == record.publicKey else { throw KeyCustodyError(.backendFailure, "The rebuilt key is not the account's.") }
            return key
        } catch {
            throw KeyCustodyError(.backendFailure, "Recovering \"\(username)\" failed after gathering its shares: \(error)")
        }
    }

    private static func verify(_ share: ShamirShare, against record: VaultAccountRecord) -> Bool {
        record.keyType == .sm2
            ? SM2FeldmanVSS.verify(share: share, commitments: record.sm2Commitments)
            : FeldmanVSS.verify(share: share, commitments: record.secp256k1Commitments)
    }

    private static func gatheringFailed(
        _ username: String, _ record: VaultAccountRecord, _ gathered: Int, _ failures: [(nodeID: String, error: KeyCustodyError)]
    ) -> KeyCustodyError {
        let codes = failures.map(\.error.code)
        let code: KeyCustodyError.Code = [.authenticationFailed, .lockedOut, .backendFailure].first(where: codes.contains)
            ?? .backendUnavailable
        let details = failures.map { "Node \($0.nodeID): \($0.error)" }.joined(separator: " ")
        return KeyCustodyError(code, "Recovering \"\(username)\" needs \(record.threshold) of \(record.holders.count) shares "
            + "but gathered \(gathered). \(details)")
    }
}
