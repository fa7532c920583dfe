public import Primitives

/// The body of a `gov.approve` transaction: one committee member's signed approval of an action.
public struct GovernanceApproval: Sendable, Hashable {
    /// The approved action.
    public let action: GovernanceAction
    /// The approving committee member's id.
    public let approver: String
    /// The 64-byte ECDSA signature over ``GovernanceAction/approvalDigest(chainId:)``.
    public let signature: [UInt8]

    /// Creates an approval from a signature made elsewhere (for example by an HSM custodian).
    public init(action: GovernanceAction, approver: String, signature: [UInt8]) {
        self.action = action
        self.approver = approver
        self.signature = signature
    }

    /// Signs an approval with a software key.
    /// - Throws: `ChainError.invalidBody` if signing fails.
    public init(action: GovernanceAction, approver: String, key: Secp256k1PrivateKey, chainId: String) throws(ChainError) {
        guard let signature = try? key.signature(forDigest: action.approvalDigest(chainId: chainId)) else {
            throw .invalidBody("The approval could not be signed.")
        }
        self.init(action: action, approver: approver, signature: signature.compactRepresentation)
    }

    /// The JCS JSON body.
    public var body: [UInt8] {
        JCS.canonicalize(["action": .object(action.object), "approver": .string(approver),
                          "signature": .string(Base64URL.encode(signature))])
    }

    /// Parses a body.
    /// - Throws: `ChainError.invalidBody` naming what is missing.
    public init(body: [UInt8]) throws(ChainError) {
        guard let json = try? JSONValue(parsing: body), let object = json.objectValue else {
            throw .invalidBody("A governance approval is a JSON object.")
        }
        guard let actionJSON = object["action"] else { throw .invalidBody("The approval has no 'action'.") }
        action = try GovernanceAction(json: actionJSON)
        guard let approver = object["approver"]?.stringValue, !approver.isEmpty else {
            throw .invalidBody("The approval has no 'approver'.")
        }
        self.approver = approver
        guard let text = object["signature"]?.stringValue, let signature = try? Base64URL.decode(text), signature.count == 64 else {
            throw .invalidBody("The approval's 'signature' is not 64 bytes of base64url.")
        }
        self.signature = signature
    }
}
