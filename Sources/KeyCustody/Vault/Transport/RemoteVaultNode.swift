public import Foundation
public import Primitives

/// A vault node on another host, reached through a transport the caller supplies (the node's
/// HTTP route `POST /vault/requests`, `specs/custody-vault.md` §9). Every request is sealed to
/// the node's pinned ``VaultTransportKey``, signed by this coordinator's key, carries a fresh
/// nonce and the time, and is answered under a one-time key; an answer is accepted only if the
/// pinned key signed it for this very request.
///
/// ```swift
/// let remote = RemoteVaultNode(nodeID: id, transportKey: key, coordinatorKey: coordinator) { body in
///     try await post(url, body)               // (HTTP status, answer body)
/// }
/// let vault = try SplitVault(directory: records, nodes: [remote, …])
/// ```
public struct RemoteVaultNode: VaultShareHolder {
    /// What the transport returned: the HTTP status and body.
    public typealias Exchange = @Sendable (_ body: [UInt8]) async throws -> (status: Int, body: [UInt8])

    public let nodeID: String
    /// The node's transport key, pinned from its operator (`didctl vault info`).
    public let transportKey: VaultTransportKey
    /// Where the node is, for error messages (a URL).
    public let location: String
    let coordinatorKey: Ed25519PrivateKey
    let clock: @Sendable () -> Date
    let exchange: Exchange

    /// A remote node.
    /// - Parameters:
    ///   - nodeID: the node's ID, as its operator printed it.
    ///   - transportKey: the node's transport key, as its operator printed it.
    ///   - location: where it is, for messages.
    ///   - coordinatorKey: this coordinator's signing key, admitted by the node.
    ///   - clock: the time requests carry.
    ///   - exchange: sends one request body, returns the status and body of the answer.
    public init(nodeID: String, transportKey: VaultTransportKey, location: String, coordinatorKey: Ed25519PrivateKey,
                clock: @escaping @Sendable () -> Date = { Date() }, exchange: @escaping Exchange) {
        self.nodeID = nodeID
        self.transportKey = transportKey
        self.location = location
        self.coordinatorKey = coordinatorKey
        self.clock = clock
        self.exchange = exchange
    }

    public func storeShare(_ share: ShamirShare, account: String, userAuthKey: SecureBytes) async throws {
        guard userAuthKey.count == 32 else { throw KeyCustodyError(.invalidInput, "A vault user auth key is 32 bytes.") }
        try expectDone(try await send(.store, account: account, userAuthKey: userAuthKey, share: share))
    }

    public func fetchShare(account: String, userAuthKey: SecureBytes) async throws -> ShamirShare {
        guard userAuthKey.count == 32 else { throw KeyCustodyError(.invalidInput, "A vault user auth key is 32 bytes.") }
        switch try await send(.fetch, account: account, userAuthKey: userAuthKey) {
        case .share(let share): return share
        case .refused(let error): throw error
        default: throw unexpected()
        }
    }

    public func deleteShare(account: String) async throws {
        try expectDone(try await send(.delete, account: account))
    }

    public func attempts(account: String) async throws -> VaultAttempts {
        switch try await send(.attempts, account: account) {
        case .attempts(let attempts): return attempts
        case .refused(let error): throw error
        default: throw unexpected()
        }
    }

    private func expectDone(_ answer: VaultTransportAnswer) throws {
        switch answer {
        case .done: return
        case .refused(let error): throw error
        default: throw unexpected()
        }
    }

    private func unexpected() -> KeyCustodyError {
        KeyCustodyError(.backendFailure, "Vault node \(nodeID) at \(location) answered with another kind of outcome than asked.")
    }

    private func send(_ operation: VaultTransportRequest.Operation, account: String,
                      userAuthKey: SecureBytes? = nil, share: ShamirShare? = nil) async throws -> VaultTransportAnswer {
        let replyKey = X25519PrivateKey()
        let request = VaultTransportRequest(operation: operation, account: account, userAuthKey: userAuthKey, share: share,
                                            nonce: SecureRandom.bytes(count: 16), issuedAt: clock(), replyTo: replyKey.publicKey)
        let (body, sealed) = try request.envelope(to: nodeID, key: transportKey, signer: coordinatorKey)
        let status: Int, answer: [UInt8]
        do { (status, answer) = try await exchange(body) }
        catch let error as KeyCustodyError { throw error }
        catch { throw KeyCustodyError(.backendUnavailable, "Vault node \(nodeID) at \(location) could not be reached: \(error)") }
        guard status == 200 else {
            let code: KeyCustodyError.Code = status >= 500 && status != 501 ? .backendUnavailable : .backendFailure
            throw KeyCustodyError(code, "Vault node \(nodeID) at \(location) refused the request (HTTP \(status)): "
                                  + Self.problemDetail(answer))
        }
        return try VaultTransportAnswer.open(answer, answering: sealed, nodeID: nodeID, nodeKey: transportKey.signing, replyKey: replyKey)
    }

    /// The `detail` of a problem+json answer, or a short excerpt of whatever came.
    private static func problemDetail(_ body: [UInt8]) -> String {
        if case .object(let object)? = try? JSONValue(parsing: body), let detail = object["detail"]?.stringValue { return detail }
        return String(decoding: body.prefix(200), as: UTF8.self)
    }
}
