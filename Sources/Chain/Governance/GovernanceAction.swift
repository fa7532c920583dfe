public import Primitives

/// A governance action that takes k-of-n committee approvals (`specs/chain.md` §5): a JSON
/// object with a `kind` and its parameters; approvers sign its JCS bytes.
public struct GovernanceAction: Sendable, Hashable {
    /// The action as JSON, `kind` included.
    public let object: JSONObject
    /// The action's kind, such as `admitNode`.
    public let kind: String

    /// Creates an action.
    /// - Parameters:
    ///   - kind: the registered kind.
    ///   - parameters: the kind's parameters (a `nonce` member distinguishes repeated actions).
    public init(kind: String, parameters: JSONObject = JSONObject()) {
        var object = parameters
        object["kind"] = .string(kind)
        self.object = object
        self.kind = kind
    }

    /// Reads an action from JSON.
    /// - Throws: `ChainError.invalidBody` without a string `kind`.
    public init(json: JSONValue) throws(ChainError) {
        guard let object = json.objectValue, let kind = object["kind"]?.stringValue, !kind.isEmpty else {
            throw .invalidBody("A governance action is a JSON object with a 'kind'.")
        }
        self.object = object
        self.kind = kind
    }

    /// A string parameter.
    /// - Throws: `ChainError.invalidBody` naming the missing parameter.
    public func string(_ name: String) throws(ChainError) -> String {
        guard let value = object[name]?.stringValue, !value.isEmpty else {
            throw .invalidBody("The '\(kind)' action needs a text parameter '\(name)'.")
        }
        return value
    }

    /// The JCS bytes that approvers sign.
    public var canonicalBytes: [UInt8] { JCS.canonicalize(.object(object)) }

    /// The proposal id: SHA-256 of the canonical bytes.
    public var proposalId: [UInt8] { Hash.sha256(canonicalBytes) }

    /// The digest a committee member signs with ECDSA for this action on `chainId`.
    public func approvalDigest(chainId: String) -> [UInt8] {
        var writer = ByteWriter(capacity: 128)
        writer.string(chainId)
        writer.bytes(canonicalBytes)
        return BIP340TaggedHash.hash(tag: "chancery/governance/v1", writer.bytes)
    }
}
