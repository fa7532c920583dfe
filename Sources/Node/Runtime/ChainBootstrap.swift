package import Chain
package import Foundation
package import Primitives

/// Creates a new chain in a data directory: keys, genesis and block 0 (`didctl init`, and the
/// benchmarks' fresh chains).
package enum ChainBootstrap {
    package struct Created {
        package let genesis: Genesis
        package let nodeId: String
        package let genesisHash: String
    }

    /// - Parameters:
    ///   - extraNodes: node ids (hex keys) genesis names after this node's.
    ///   - suite: the chain's crypto suite (`specs/chain.md` §9): the node and membership-service
    ///     keys are made for its signature scheme and genesis names it.
    package static func create(in directory: DataDirectory, chainId: String, extraCommittee: [CommitteeMember] = [],
                       threshold: Int = 1, epochSeconds: UInt64 = 86_400, suite: ChainCryptoSuite = .standard,
                       extraNodes: [String] = []) throws -> Created {
        guard !directory.isInitialised else {
            throw NodeError("\(directory.url.path) already holds a chain; choose another --data-dir or remove it first.")
        }
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        let node = suite.signature.generateKey(), membership = suite.signature.generateKey(), committee = Secp256k1PrivateKey()
        let operatorKey = Secp256k1PrivateKey(), auditorSigning = Secp256k1PrivateKey()
        let auditor = X25519PrivateKey(), auditorMaster = Secp256k1PrivateKey()
        let time = SystemClock().nowMilliseconds()
        let genesisEpoch = EpochSchedule(epochSeconds: epochSeconds).epoch(atMilliseconds: time)
        let genesis = Genesis(
            chainId: chainId, time: time, epochSeconds: epochSeconds,
            committee: [CommitteeMember(id: "operator", publicKey: Hex.encode(committee.publicKey.compressedRepresentation))]
                + extraCommittee,
            threshold: threshold, membershipService: Hex.encode(membership.publicKey),
            auditors: [AuditorRecord(id: "auditor", encryptionKey: Hex.encode(auditor.publicKey.rawRepresentation),
                                     signingKey: Hex.encode(auditorSigning.publicKey.compressedRepresentation))],
            // Further nodes of a consortium that starts with several (`specs/consortium.md` §4).
            nodes: [Hex.encode(node.publicKey)] + extraNodes.map { $0.lowercased() },
            members: [try MemberRecord(profile: MemberProfile(name: "operator", publicKey: operatorKey.publicKey), custody: "partial",
                                       sealedTo: AuditorKeyring(master: auditorMaster), epoch: genesisEpoch)],
            suite: suite)
        do { try genesis.validate() } catch { throw NodeError(error.reason) }

        try directory.writeKey("node", secret: node.rawRepresentation.unsafeArray)
        try directory.writeKey("membership", secret: membership.rawRepresentation.unsafeArray)
        try directory.writeKey("committee-operator", secret: committee.rawRepresentation.unsafeArray)
        try directory.writeKey("operator", secret: operatorKey.rawRepresentation.unsafeArray)
        try directory.writeKey("auditor", secret: auditor.rawRepresentation.unsafeArray)
        try directory.writeKey("auditor-signing", secret: auditorSigning.rawRepresentation.unsafeArray)
        // The auditor's per-epoch keys (`specs/audit.md` §6): the master, and the public keys of
        // the coming epochs that it publishes to the membership service.
        try directory.writeKey("auditor-master", secret: auditorMaster.rawRepresentation.unsafeArray)
        try directory.publishAuditorKeys(AuditorKeyring(master: auditorMaster), from: genesisEpoch)
        let store = try SQLiteBlockStore(path: directory.ledgerPath)
        let chain = try ChainNode.create(store: store, genesis: genesis, nodeKey: node, handlers: NodeRuntime.handlers(),
                                         clock: SystemClock())
        let genesisHash = Hex.encode(chain.head.hash)
        chain.shutdown()
        // genesis.json last: its presence marks a complete initialisation.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(genesis).write(to: directory.genesisURL, options: .atomic)
        return Created(genesis: genesis, nodeId: Hex.encode(node.publicKey), genesisHash: genesisHash)
    }
}
