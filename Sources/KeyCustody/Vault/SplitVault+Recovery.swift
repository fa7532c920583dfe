public import Primitives
import Foundation

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
    public func recover(username: String, password: SecureBytes) async throws -> Secp256k1PrivateKey {
        // Checked first, so that no node spends a guess on a request that cannot succeed.
        guard try record(username: username).keyType == .secp256k1 else {
            throw KeyCustodyError(.unsupportedKeyType, "The vault account \"\(username)\" holds an \(try record(username: username).keyType) key; unlock it in a VaultCustodian to sign with it.")
        }
        return try await recoverKey(username: username, password: password).secp256k1(username)
    }

    /// Rebuilds an account's key of either type, as ``recover(username:password:)`` describes,
    /// checking shares against the commitments of the account's own curve.
    /// - Throws: as ``recover(username:password:)``.
    func recoverKey(username: String, password: SecureBytes) async throws -> CustodyPrivateKey {
        try await recoverKeyAndPasswordKey(username: username, password: password).key
    }

    /// Rebuilds an account's key and keeps the password key it was recovered with, for a
    /// session that will create the user's next key (``VaultPasswordKey``).
    /// - Throws: as ``recover(username:password:)``.
    func recoverKeyAndPasswordKey(username: String, password: SecureBytes) async throws -> (key: CustodyPrivateKey, passwordKey: VaultPasswordKey) {
        let record = try record(username: username)
        let passwordKey = VaultPasswordKey(
            key: try await VaultKeyDerivation.derivePasswordKey(password: password, salt: record.salt, parameters: record.parameters),
            salt: record.salt, parameters: record.parameters)
        return (try await recoverKey(record: record, passwordKey: passwordKey), passwordKey)
    }

    /// Rebuilds an account's key with a password key of the same salt.
    /// - Throws: as ``recover(username:password:)``; `.authenticationFailed` when the account
    ///   was split under another salt.
    func recoverKey(username: String, passwordKey: VaultPasswordKey) async throws -> CustodyPrivateKey {
        let record = try record(username: username)
        guard record.salt == passwordKey.salt, record.parameters == passwordKey.parameters else {
            throw KeyCustodyError(.authenticationFailed, "The vault account \"\(username)\" was not split under this session's password key.")
        }
        return try await recoverKey(record: record, passwordKey: passwordKey)
    }

    private func recoverKey(record: VaultAccountRecord, passwordKey sessionKey: VaultPasswordKey) async throws -> CustodyPrivateKey {
        let username = record.username
        let passwordKey = sessionKey.key
        var shares: [ShamirShare] = [], failures: [(nodeID: String, error: KeyCustodyError)] = []
        for holder in record.holders where shares.count < record.threshold {
            guard let node = nodes.first(where: { $0.nodeID == holder.nodeID }) else {
                failures.append((holder.nodeID, KeyCustodyError(.backendUnavailable, "The node is not configured in this vault.")))
                continue
            }
            do {
                let authKey = VaultKeyDerivation.userAuthKey(passwordKey: passwordKey, nodeID: node.nodeID)
                let share = try await node.fetchShare(account: username, userAuthKey: authKey)
                guard share.index == holder.index, Self.verify(share, against: record) else {
                    throw KeyCustodyError(.backendFailure, "Share \(holder.index) fails Feldman verification against the account's commitments.")
                }
                shares.append(share)
            } catch {
                failures.append((holder.nodeID, error as? KeyCustodyError ?? KeyCustodyError(.backendFailure, "\(error)")))
            }
        }
        guard shares.count == record.threshold else {
            throw await passwordRefusal(username, record, failures) ?? Self.gatheringFailed(username, record, shares.count, failures)
        }
        do {
            let key: CustodyPrivateKey = record.keyType == .sm2
                ? .sm2(try SM2FeldmanVSS.combine(shares: shares, commitments: record.sm2Commitments))
                : try CustodyPrivateKey(type: record.keyType,
                                        secret: FeldmanVSS.combine(shares: shares, commitments: record.secp256k1Commitments).rawRepresentation)
            guard key.publicKey == record.publicKey else { throw KeyCustodyError(.backendFailure, "The rebuilt key is not the account's.") }
            return key
        } catch {
            throw KeyCustodyError(.backendFailure, "Recovering \"\(username)\" failed after gathering its shares: \(error)")
        }
    }

    /// One sentence for a wrong password or a locked account, as a user needs it: how many
    /// attempts remain, or until when the account is locked. The account is locked once fewer
    /// than `threshold` of its nodes would still answer; it reopens when enough locks end.
    /// `nil` when the nodes failed for another reason.
    private func passwordRefusal(_ username: String, _ record: VaultAccountRecord,
                                 _ failures: [(nodeID: String, error: KeyCustodyError)]) async -> KeyCustodyError? {
        let codes = Set(failures.map(\.error.code))
        guard codes.contains(.authenticationFailed) || codes.contains(.lockedOut) else { return nil }
        // A holder that could not be reached for its share is not asked again: a remote one that
        // hangs would cost its whole timeout a second time, and it counted no attempt.
        let unreachable = Set(failures.filter { $0.error.code == .backendUnavailable }.map(\.nodeID))
        let holders = Set(record.holders.map(\.nodeID)).subtracting(unreachable)
        var counters: [VaultAttempts] = []
        for node in nodes where holders.contains(node.nodeID) {
            if let attempts = try? await node.attempts(account: username) { counters.append(attempts) }
        }
        // Each lock is relative to its own node's clock; the first answer's clock dates the message.
        let now = counters.first?.checkedAt ?? Date()
        let open = counters.filter { $0.lockedUntil == nil }
        let waits = counters.compactMap { attempts in attempts.lockedUntil.map { $0.timeIntervalSince(attempts.checkedAt) } }.sorted()
        if open.count < record.threshold, !waits.isEmpty {
            // Reopens when enough of the locked nodes' locks have ended.
            let wait = waits[min(waits.count - 1, max(0, record.threshold - open.count - 1))]
            let until = now.addingTimeInterval(wait)
            return KeyCustodyError(.lockedOut, "The vault has locked \"\(username)\" after repeated wrong passwords; retry after "
                                   + "\(ISO8601DateFormatter().string(from: until)).",
                                   retryAfter: .milliseconds(Int64((wait * 1000).rounded(.up))))
        }
        // Usable while `threshold` nodes stay open: the threshold-th most patient node decides
        // (of those that answered: a node that is down counts no attempt).
        let remaining = open.map { max(0, $0.maximum - $0.failed) }.sorted(by: >)
        guard !remaining.isEmpty else { return nil }
        let left = remaining[min(record.threshold, remaining.count) - 1]
        return KeyCustodyError(.authenticationFailed, "The password for \"\(username)\" is wrong; \(left) attempt\(left == 1 ? "" : "s") "
                               + "remain\(left == 1 ? "s" : "") before the vault locks the account.")
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
