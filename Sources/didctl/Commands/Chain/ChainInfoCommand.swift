import Node
import ArgumentParser
import Foundation
import Chain
import Primitives

/// `didctl chain info`: chain id, height, head hash and this node's id.
struct ChainInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show the chain's status.",
        discussion: "With --node URL, the running node's GET /healthz: chain id, height and head hash as that node sees them.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        if let nodeURL = global.nodeURL {
            let client = try NodeClient(nodeURL)
            let (status, body) = try await client.get("healthz")
            guard status == 200, let chainId = body["chainId"]?.stringValue, let height = body["height"]?.doubleValue.flatMap(Int.init(exactly:)),
                  let headHash = body["headHash"]?.stringValue else {
                throw DidctlFailure("The node at \(client.base) answered \(status) without its chain status.")
            }
            Output(json: global.json).emit(
                ["chainId": chainId, "height": height, "headHash": headHash, "node": client.base.absoluteString],
                text: "chain:  \(chainId)\nheight: \(height)\nhead:   \(headHash)\nnode:   \(client.base.absoluteString)")
            return
        }
        let directory = global.directory
        let store = try directory.openStore()
        guard let head = try store.head(), let genesis = try store.genesis() else { throw DidctlFailure("The ledger is empty.") }
        let suite = try genesis.suite()
        let nodeId = Hex.encode(try directory.chainKey("node", suite: suite).publicKey)
        Output(json: global.json).emit(
            ["chainId": genesis.chainId, "height": head.header.height, "headHash": Hex.encode(head.hash), "nodeId": nodeId,
             "time": head.header.time, "threshold": genesis.threshold, "crypto": suite.name],
            text: """
                chain:  \(genesis.chainId)
                crypto: \(suite.name)
                height: \(head.header.height)
                head:   \(Hex.encode(head.hash))
                node:   \(nodeId)
                """)
    }
}
