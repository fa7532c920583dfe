import Node
import ArgumentParser
import Chain
import Foundation

/// `didctl init`: creates a new embedded chain in the data directory.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new chain in the data directory: genesis, committee, membership-service, auditor and node keys.",
        discussion: "Refuses if the directory already holds a chain. The operator is the first committee member and the first member.")

    @OptionGroup var global: LocalOptions

    @Option(name: .customLong("chain-id"), help: "The chain's id (letters, digits, '-', '.').")
    var chainId = "chancery-local"

    @Option(name: .customLong("committee-member"),
            help: "An additional committee member as ID=COMPRESSED-SECP256K1-HEX (repeatable).")
    var committeeMembers: [String] = []

    @Option(help: "Committee approvals needed for governance actions.")
    var threshold = 1

    @Option(name: .customLong("epoch-seconds"), help: "Length of a membership epoch in seconds.")
    var epochSeconds: UInt64 = 86_400

    @Option(help: ArgumentHelp(
        "The chain's crypto suite: standard (secp256k1, SHA-256) or sm (SM2 signatures, SM3 hashes).",
        discussion: "Fixed for the chain's life and recorded in genesis (specs/chain.md §9)."))
    var crypto = "standard"

    @Option(name: .customLong("genesis"), help: ArgumentHelp(
        "Join an existing chain as another node: copy its genesis.json, make this node's key and block 0; prints the node id.",
        discussion: "The committee then admits the node ('didctl node admit NODE-ID'), unless genesis names it already (specs/consortium.md)."))
    var genesisFile: String?

    @Option(name: .customLong("genesis-node"), help: "A further node that genesis names, as its id (hex key; repeatable): a consortium that starts with several nodes.")
    var extraNodes: [String] = []

    func validate() throws {
        if genesisFile != nil, !committeeMembers.isEmpty || !extraNodes.isEmpty || crypto != "standard" || chainId != "chancery-local" {
            throw ValidationError("--genesis takes everything from the genesis file; --chain-id, --crypto, --committee-member and --genesis-node do not apply.")
        }
        guard ChainCryptoSuite(name: crypto) != nil else {
            throw ValidationError("--crypto is 'standard' or 'sm', not '\(crypto)'.")
        }
    }

    func run() throws {
        let output = Output(json: global.json)
        let directory = global.directory
        if let genesisFile {
            let joined = try ChainBootstrap.join(in: directory, genesisFile: URL(fileURLWithPath: genesisFile))
            output.emit(["chainId": joined.genesis.chainId, "nodeId": joined.nodeId, "dataDir": directory.url.path,
                         "genesisHash": joined.genesisHash, "height": 0],
                        text: """
                            Prepared \(directory.url.path) to run a node of chain '\(joined.genesis.chainId)'
                              node id:  \(joined.nodeId)
                              genesis:  \(joined.genesisHash)
                            Next: a committee member runs 'didctl node admit \(joined.nodeId)'; then start it with
                            'didctl node start --ordering etcd --etcd-endpoints URLS'.
                            """)
            return
        }
        var extra: [CommitteeMember] = []
        for spec in committeeMembers {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--committee-member takes ID=PUBLIC-KEY-HEX, not '\(spec)'.") }
            extra.append(CommitteeMember(id: parts[0], publicKey: parts[1]))
        }
        let suite = ChainCryptoSuite(name: crypto) ?? .standard
        let created = try ChainBootstrap.create(in: directory, chainId: chainId, extraCommittee: extra, threshold: threshold,
                                                epochSeconds: epochSeconds, suite: suite, extraNodes: extraNodes)
        output.emit(["chainId": chainId, "nodeId": created.nodeId, "dataDir": directory.url.path,
                     "genesisHash": created.genesisHash, "height": 0, "crypto": suite.name],
                    text: """
                        Created chain '\(chainId)' in \(directory.url.path)
                          crypto:     \(suite)
                          node id:    \(created.nodeId)
                          committee:  \(created.genesis.committee.map(\.id).joined(separator: ", ")) (threshold \(threshold))
                          genesis:    \(created.genesisHash)
                        """)
    }
}
