import Foundation
internal import Primitives

/// One request from a coordinator to a vault node (`specs/custody-vault.md` §9.2): the
/// operation, sealed to the node's X25519 key so only that node reads the password-derived key
/// or share inside, and signed by the coordinator's Ed25519 key so the node acts only for
/// coordinators it admitted.
struct VaultTransportRequest {
    /// What the node is asked to do.
    enum Operation: String {
        case store, fetch, delete, attempts
    }

    static let signatureLabel = Array("chancery/vault-request/v1".utf8)

    let operation: Operation
    let account: String
    /// For `store` and `fetch`.
    let userAuthKey: SecureBytes?
    /// For `store`.
    let share: ShamirShare?
    /// 16 random bytes; the node takes each nonce once.
    let nonce: [UInt8]
    /// The coordinator's clock when it sent the request, in milliseconds since 1970.
    let issuedAt: Date
    /// The one-time X25519 key the answer is sealed to.
    let replyTo: X25519PublicKey

    /// Coordinator side: the HTTP body for node `nodeID`, and the sealed part the answer is bound to.
    /// - Throws: `KeyCustodyError.invalidInput` when the node's sealing key is unusable.
    func envelope(to nodeID: String, key: VaultTransportKey, signer: Ed25519PrivateKey) throws -> (body: [UInt8], sealed: [UInt8]) {
        var payload: JSONObject = [
            "operation": .string(operation.rawValue), "account": .string(account), "nonce": .string(Hex.encode(nonce)),
            "issuedAt": .number((issuedAt.timeIntervalSince1970 * 1000).rounded(.down)),
            "replyTo": .string(Hex.encode(replyTo.rawRepresentation)),
        ]
        if let userAuthKey { payload["userAuthKey"] = .string(Hex.encode(userAuthKey.unsafeArray)) }
        if let share { payload["share"] = .string(Hex.encode(share.rawRepresentation.unsafeArray)) }
        var plaintext = JCS.canonicalize(.object(payload))
        defer { plaintext.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        let sealed: [UInt8]
        do { sealed = try SealedBox.seal(plaintext, to: key.sealing) }
        catch { throw KeyCustodyError(.invalidInput, "The vault node \(nodeID)'s transport key cannot be sealed to: \(error)") }
        let signature = signer.signature(for: Self.signedBytes(nodeID: nodeID, sealed: sealed))
        let body = JCS.canonicalize([
            "coordinator": .string(Hex.encode(signer.publicKey.rawRepresentation)), "node": .string(nodeID),
            "sealed": .string(Base64URL.encode(sealed)), "signature": .string(Hex.encode(signature)),
        ])
        return (body, sealed)
    }

    /// Node side: checks the envelope and opens the request.
    /// - Throws: `KeyCustodyError.invalidInput` for a malformed envelope or payload or a request
    ///   addressed to another node; `.authenticationFailed` for a coordinator not admitted or a
    ///   bad signature; nothing about the request's content is revealed in either case.
    static func open(_ body: [UInt8], nodeID: String, sealingKey: X25519PrivateKey, coordinators: Set<Ed25519PublicKey>)
        throws -> (request: VaultTransportRequest, sealed: [UInt8]) {
        let envelope = try VaultJSONFields(message: body, what: "The vault request", code: .invalidInput)
        let coordinatorBytes = try envelope.hex("coordinator", count: 32)
        let target = try envelope.string("node")
        let signature = try envelope.hex("signature", count: 64)
        guard let sealed = try? Base64URL.decode(envelope.string("sealed")), sealed.count <= 16_384 else {
            throw KeyCustodyError(.invalidInput, "The vault request needs \"sealed\" to be base64url, at most 16 KiB.")
        }
        guard target == nodeID else {
            throw KeyCustodyError(.invalidInput, "The vault request is addressed to node \(target), not to this node (\(nodeID)).")
        }
        guard let coordinator = try? Ed25519PublicKey(rawRepresentation: coordinatorBytes), coordinators.contains(coordinator) else {
            throw KeyCustodyError(.authenticationFailed, "The coordinator \(Hex.encode(coordinatorBytes)) is not admitted by this vault node.")
        }
        guard coordinator.isValidSignature(signature, for: signedBytes(nodeID: nodeID, sealed: sealed)) else {
            throw KeyCustodyError(.authenticationFailed, "The vault request's signature does not verify under its coordinator's key.")
        }
        guard var plaintext = try? SealedBox.open(sealed, with: sealingKey) else {
            throw KeyCustodyError(.invalidInput, "The vault request is not sealed to this node's transport key.")
        }
        defer { plaintext.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        let payload = try VaultJSONFields(message: plaintext, what: "The vault request's sealed payload", code: .invalidInput)
        guard let operation = Operation(rawValue: try payload.string("operation")) else {
            throw KeyCustodyError(.invalidInput, "The vault request's operation is not one of store, fetch, delete, attempts.")
        }
        let authKey = try payload.object["userAuthKey"].map { _ in SecureBytes(try payload.hex("userAuthKey", count: 32)) }
        let share = try payload.object["share"].map { _ in
            guard let share = try? ShamirShare(rawRepresentation: SecureBytes(payload.hex("share", count: 33))) else {
                throw KeyCustodyError(.invalidInput, "The vault request's share is not a share encoding.")
            }
            return share
        }
        guard operation != .store || (authKey != nil && share != nil), operation != .fetch || authKey != nil else {
            throw KeyCustodyError(.invalidInput, "The vault request's \(operation.rawValue) lacks its user auth key or share.")
        }
        guard let replyTo = try? X25519PublicKey(rawRepresentation: payload.hex("replyTo", count: 32)) else {
            throw KeyCustodyError(.invalidInput, "The vault request's replyTo is not an X25519 key.")
        }
        let request = VaultTransportRequest(
            operation: operation, account: try payload.string("account"), userAuthKey: authKey, share: share,
            nonce: try payload.hex("nonce", count: 16),
            issuedAt: Date(timeIntervalSince1970: Double(try payload.integer("issuedAt", in: 0...(1 << 52))) / 1000),
            replyTo: replyTo)
        return (request, sealed)
    }

    /// What the coordinator signs: the label, 0x00, the node ID, 0x00, the sealed payload.
    static func signedBytes(nodeID: String, sealed: [UInt8]) -> [UInt8] {
        signatureLabel + [0] + Array(nodeID.utf8) + [0] + sealed
    }
}
