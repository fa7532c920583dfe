import ArgumentParser
import Chain
import Primitives

/// `didctl chain info`: chain id, height, head hash and this node's id.
struct ChainInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show the chain's status.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let directory = DataDirectory(url: global.resolvedDataDirectory)
        let store = try directory.openStore()
        guard let head = try store.head(), let genesis = try store.genesis() else { throw DidctlFailure("The ledger is empty.") }
        let nodeId = Hex.encode(try directory.secp256k1Key("node").publicKey.xOnly.rawRepresentation)
        Output(json: global.json).emit(
            ["chainId": genesis.chainId, "height": head.header.height, "headHash": Hex.encode(head.hash), "nodeId": nodeId,
             "time": head.header.time, "threshold": genesis.threshold],
            text: """
                chain:  \(genesis.chainId)
                height: \(head.header.height)
                head:   \(Hex.encode(head.hash))
                node:   \(nodeId)
                """)
    }
}
