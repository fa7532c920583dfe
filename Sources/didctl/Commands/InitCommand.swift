import ArgumentParser
import Chain
import Foundation
import Primitives

/// `didctl init`: creates a new embedded chain in the data directory.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new chain in the data directory: genesis, committee, membership-service, auditor and node keys.",
        discussion: "Refuses if the directory already holds a chain. The operator is the first committee member and the first member.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("chain-id"), help: "The chain's id (letters, digits, '-', '.').")
    var chainId = "chancery-local"

    @Option(name: .customLong("committee-member"),
            help: "An additional committee member as ID=COMPRESSED-SECP256K1-HEX (repeatable).")
    var committeeMembers: [String] = []

    @Option(help: "Committee approvals needed for governance actions (default: 1).")
    var threshold = 1

    @Option(name: .customLong("epoch-seconds"), help: "Length of a membership epoch in seconds.")
    var epochSeconds: UInt64 = 86_400

    func run() throws {
        let output = Output(json: global.json)
        let directory = DataDirectory(url: global.resolvedDataDirectory)
        guard !directory.isInitialised else {
            throw DidctlFailure("\(directory.url.path) already holds a chain; choose another --data-dir or remove it first.")
        }
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)

        let node = Secp256k1PrivateKey(), membership = Secp256k1PrivateKey(), committee = Secp256k1PrivateKey()
        let operatorKey = Secp256k1PrivateKey(), auditorSigning = Secp256k1PrivateKey()
        let auditor = X25519PrivateKey()
        var members = [CommitteeMember(id: "operator", publicKey: Hex.encode(committee.publicKey.compressedRepresentation))]
        for spec in committeeMembers {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--committee-member takes ID=PUBLIC-KEY-HEX, not '\(spec)'.") }
            members.append(CommitteeMember(id: parts[0], publicKey: parts[1]))
        }
        let operatorHandle = MemberHandle(publicKey: operatorKey.publicKey)
        let genesis = Genesis(
            chainId: chainId, time: SystemClock().nowMilliseconds(), epochSeconds: epochSeconds, committee: members,
            threshold: threshold, membershipService: Hex.encode(membership.publicKey.xOnly.rawRepresentation),
            auditors: [AuditorRecord(id: "auditor", encryptionKey: Hex.encode(auditor.publicKey.rawRepresentation),
                                     signingKey: Hex.encode(auditorSigning.publicKey.compressedRepresentation))],
            nodes: [Hex.encode(node.publicKey.xOnly.rawRepresentation)],
            members: [MemberRecord(handle: operatorHandle.description, name: "operator",
                                   publicKey: Hex.encode(operatorKey.publicKey.compressedRepresentation), custody: "partial")])
        do { try genesis.validate() } catch { throw DidctlFailure(error.reason) }

        try directory.writeKey("node", secret: node.rawRepresentation.unsafeArray)
        try directory.writeKey("membership", secret: membership.rawRepresentation.unsafeArray)
        try directory.writeKey("committee-operator", secret: committee.rawRepresentation.unsafeArray)
        try directory.writeKey("operator", secret: operatorKey.rawRepresentation.unsafeArray)
        try directory.writeKey("auditor", secret: auditor.rawRepresentation.unsafeArray)
        try directory.writeKey("auditor-signing", secret: auditorSigning.rawRepresentation.unsafeArray)
        let store = try SQLiteBlockStore(path: directory.ledgerPath)
        let chain = try ChainNode.create(store: store, genesis: genesis, nodeKey: node, handlers: NodeRuntime.handlers(),
                                         clock: SystemClock())
        chain.shutdown()
        // genesis.json last: its presence marks a complete initialisation.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(genesis).write(to: directory.genesisURL, options: .atomic)

        let nodeId = Hex.encode(node.publicKey.xOnly.rawRepresentation)
        output.emit(["chainId": chainId, "nodeId": nodeId, "dataDir": directory.url.path,
                     "genesisHash": Hex.encode(chain.head.hash), "height": 0],
                    text: """
                        Created chain '\(chainId)' in \(directory.url.path)
                          node id:    \(nodeId)
                          committee:  \(members.map(\.id).joined(separator: ", ")) (threshold \(threshold))
                          genesis:    \(Hex.encode(chain.head.hash))
                        """)
    }
}
