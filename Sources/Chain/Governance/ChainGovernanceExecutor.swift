import Primitives

/// The chain's own governance actions: admitting and removing members, nodes, auditors and
/// committee members, and changing the threshold.
struct ChainGovernanceExecutor: GovernanceExecutor {
    let kinds = ["admitMember", "removeMember", "admitNode", "removeNode", "admitAuditor", "removeAuditor",
                 "addCommitteeMember", "removeCommitteeMember", "setThreshold"]

    func validate(_ action: GovernanceAction) throws {
        switch action.kind {
        case "admitMember":
            // The action is public in the approval's body: nothing in it may name the member.
            let allowed: Set<String> = ["kind", "handle", "custody", "profile", "profileEpoch", "nonce"]
            if let extra = action.object.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw ChainError.invalidBody("'admitMember' takes handle, custody, profile and profileEpoch only, not '\(extra)': "
                                             + "a member's name and key go sealed in 'profile'.")
            }
            _ = try MemberRecord(admission: action)
        case "removeMember": _ = try MemberHandle(hex: try action.string("handle"))
        case "admitNode", "removeNode": _ = try Self.nodeKey(try action.string("nodeId"), suite: nil)
        case "admitAuditor":
            _ = try action.string("id")
            guard (try? X25519PublicKey(rawRepresentation: Hex.decode(try action.string("encryptionKey")))) != nil else {
                throw ChainError.invalidBody("'encryptionKey' is not a 32-byte X25519 key in hex.")
            }
            _ = try Self.secp256k1Key(try action.string("signingKey"))
        case "removeAuditor", "removeCommitteeMember": _ = try action.string("id")
        case "addCommitteeMember":
            _ = try action.string("id")
            _ = try Self.secp256k1Key(try action.string("publicKey"))
        case "setThreshold":
            guard let k = Int(try action.string("threshold")), k >= 1 else {
                throw ChainError.invalidBody("'threshold' must be a whole number of at least 1.")
            }
        default: throw ChainError.invalidBody("Unknown governance action '\(action.kind)'.")
        }
    }

    func execute(_ action: GovernanceAction, context: TransactionContext, state: StateTransaction) throws {
        switch action.kind {
        case "admitMember":
            let record = try MemberRecord(admission: action)
            try state.put(record, namespace: ChainNamespace.member, key: try MemberHandle(hex: record.handle).bytes)
        case "removeMember":
            state.delete(namespace: ChainNamespace.member, key: try MemberHandle(hex: try action.string("handle")).bytes)
        case "admitNode":
            state.put(namespace: ChainNamespace.node, key: try Self.nodeKey(try action.string("nodeId"), suite: context.suite), value: [1])
        case "removeNode":
            state.delete(namespace: ChainNamespace.node, key: try Self.nodeKey(try action.string("nodeId"), suite: context.suite))
        case "admitAuditor":
            let record = AuditorRecord(id: try action.string("id"), encryptionKey: try action.string("encryptionKey"),
                                       signingKey: try action.string("signingKey"))
            try state.put(record, namespace: ChainNamespace.auditor, key: Array(record.id.utf8))
        case "removeAuditor": state.delete(namespace: ChainNamespace.auditor, key: Array(try action.string("id").utf8))
        case "addCommitteeMember":
            let member = CommitteeMember(id: try action.string("id"), publicKey: try action.string("publicKey"))
            try state.put(member, namespace: ChainNamespace.committee, key: Array(member.id.utf8))
        case "removeCommitteeMember":
            guard try state.value(namespace: ChainNamespace.committee, key: Array(try action.string("id").utf8)) != nil else {
                throw ChainError(.notFound, "'\(try action.string("id"))' is not a committee member.")
            }
            let remaining = try state.entries(namespace: ChainNamespace.committee, prefix: []).count - 1
            guard remaining >= (try GovernanceHandler.threshold(in: state)) else {
                throw ChainError.unauthorized("Removing this member would leave fewer members than the threshold; lower it first.")
            }
            state.delete(namespace: ChainNamespace.committee, key: Array(try action.string("id").utf8))
        case "setThreshold":
            let k = Int(try action.string("threshold")) ?? 0
            let size = try state.entries(namespace: ChainNamespace.committee, prefix: []).count
            guard (1...size).contains(k) else {
                throw ChainError.unauthorized("The threshold must be between 1 and the committee size (\(size)).")
            }
            state.put(namespace: ChainNamespace.config, key: Array("threshold".utf8), value: Array(String(k).utf8))
        default: throw ChainError.invalidBody("Unknown governance action '\(action.kind)'.")
        }
    }

    private static func secp256k1Key(_ hex: String) throws(ChainError) -> Secp256k1PublicKey {
        guard let bytes = try? Hex.decode(hex), let key = try? Secp256k1PublicKey(bytes) else {
            throw .invalidBody("'\(hex.prefix(16))…' is not a secp256k1 public key in hex.")
        }
        return key
    }

    /// A node id: a key of the chain's suite (`suite`), or of either suite before the chain's
    /// is known (the stateless check).
    private static func nodeKey(_ hex: String, suite: ChainCryptoSuite?) throws(ChainError) -> [UInt8] {
        let suites = suite.map { [$0] } ?? ChainCryptoSuite.all
        guard let bytes = try? Hex.decode(hex), suites.contains(where: { $0.signature.isValidPublicKey(bytes) }) else {
            let expected = suites.map { "\($0.signature.publicKeyLength)-byte \($0.signature)" }.joined(separator: " or ")
            throw .invalidBody("'nodeId' is not a \(expected) key in hex.")
        }
        return bytes
    }
}
