import Foundation
internal import Primitives

/// A vault node's answer to one request (`specs/custody-vault.md` §9.2): the outcome, sealed to
/// the request's one-time `replyTo` key so only the coordinator that asked reads a share, and
/// signed by the node's transport key over the request it answers, so an old or another node's
/// answer cannot stand in for it.
enum VaultTransportAnswer {
    case done
    case share(ShamirShare)
    case attempts(VaultAttempts)
    case refused(KeyCustodyError)

    static let signatureLabel = Array("chancery/vault-answer/v1".utf8)

    /// Node side: the HTTP body answering the request whose sealed part is `requestSealed`.
    func envelope(answering requestSealed: [UInt8], replyTo: X25519PublicKey, signer: Ed25519PrivateKey) throws -> [UInt8] {
        var object: JSONObject
        switch self {
        case .done: object = ["outcome": "done"]
        case .share(let share): object = ["outcome": "share", "share": .string(Hex.encode(share.rawRepresentation.unsafeArray))]
        case .attempts(let attempts):
            object = [
                "outcome": "attempts", "failed": .number(Double(attempts.failed)), "maximum": .number(Double(attempts.maximum)),
                "lockedUntil": attempts.lockedUntil.map { .number(Self.milliseconds($0)) } ?? .null,
                "checkedAt": .number(Self.milliseconds(attempts.checkedAt)),
            ]
        case .refused(let error):
            object = [
                "outcome": "refused", "code": .string(error.code.name), "reason": .string(error.reason),
                "retryAfterMilliseconds": error.retryAfter.map { .number(Double($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000)) } ?? .null,
            ]
        }
        var plaintext = JCS.canonicalize(.object(object))
        defer { plaintext.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        let sealed = try SealedBox.seal(plaintext, to: replyTo)
        let signature = signer.signature(for: Self.signedBytes(requestSealed: requestSealed, sealed: sealed))
        return JCS.canonicalize(["sealed": .string(Base64URL.encode(sealed)), "signature": .string(Hex.encode(signature))])
    }

    /// Coordinator side: checks and opens the answer to the request whose sealed part is `requestSealed`.
    /// - Throws: `KeyCustodyError.backendFailure` naming `nodeID` when the answer is malformed,
    ///   not signed by the node or not sealed to `replyKey`.
    static func open(_ body: [UInt8], answering requestSealed: [UInt8], nodeID: String, nodeKey: Ed25519PublicKey,
                     replyKey: X25519PrivateKey) throws -> VaultTransportAnswer {
        let what = "The answer of vault node \(nodeID)"
        let envelope = try VaultJSONFields(message: body, what: what, code: .backendFailure)
        let signature = try envelope.hex("signature", count: 64)
        guard let sealed = try? Base64URL.decode(envelope.string("sealed")) else {
            throw KeyCustodyError(.backendFailure, "\(what) needs \"sealed\" to be base64url.")
        }
        guard nodeKey.isValidSignature(signature, for: signedBytes(requestSealed: requestSealed, sealed: sealed)) else {
            throw KeyCustodyError(.backendFailure, "\(what) is not signed by its transport key for this request.")
        }
        guard var plaintext = try? SealedBox.open(sealed, with: replyKey) else {
            throw KeyCustodyError(.backendFailure, "\(what) is not sealed to this request's reply key.")
        }
        defer { plaintext.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        let answer = try VaultJSONFields(message: plaintext, what: "\(what) (sealed part)", code: .backendFailure)
        switch try answer.string("outcome") {
        case "done": return .done
        case "share":
            guard let share = try? ShamirShare(rawRepresentation: SecureBytes(answer.hex("share", count: 33))) else {
                throw KeyCustodyError(.backendFailure, "\(what) holds no share encoding.")
            }
            return .share(share)
        case "attempts":
            let lockedUntil = try answer.optionalInteger("lockedUntil", in: 0...(1 << 52))
            return .attempts(VaultAttempts(
                failed: try answer.integer("failed", in: 0...Int(Int32.max)), maximum: try answer.integer("maximum", in: 0...Int(Int32.max)),
                lockedUntil: lockedUntil.map { Date(timeIntervalSince1970: Double($0) / 1000) },
                checkedAt: Date(timeIntervalSince1970: Double(try answer.integer("checkedAt", in: 0...(1 << 52))) / 1000)))
        case "refused":
            let retry = try answer.optionalInteger("retryAfterMilliseconds", in: 0...(1 << 52))
            return .refused(KeyCustodyError(.init(try answer.string("code")), try answer.string("reason"),
                                            retryAfter: retry.map { .milliseconds(Int64($0)) }))
        default:
            throw KeyCustodyError(.backendFailure, "\(what) has an unknown outcome.")
        }
    }

    /// What the node signs: the label, 0x00, SHA-256 of the request's sealed part, the sealed answer.
    static func signedBytes(requestSealed: [UInt8], sealed: [UInt8]) -> [UInt8] {
        signatureLabel + [0] + Hash.sha256(requestSealed) + sealed
    }

    private static func milliseconds(_ date: Date) -> Double { (date.timeIntervalSince1970 * 1000).rounded(.down) }
}
