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
            var object: [String: Any] = ["chainId": chainId, "height": height, "headHash": headHash, "node": client.base.absoluteString]
            var text = "chain:  \(chainId)\nheight: \(height)\nhead:   \(headHash)\nnode:   \(client.base.absoluteString)"
            if let final = body["finalHeight"]?.doubleValue.flatMap(Int.init(exactly:)) {
                object["finalHeight"] = final
                text += "\nfinal:  \(final)"
            }
            if let divergence = body["divergence"], let data = try? JSONSerialization.jsonObject(with: Data(divergence.serialized())) {
                object["divergence"] = data
                text += "\nALERT:  \(divergence["message"]?.stringValue ?? "divergence")"
            }
            Output(json: global.json).emit(object, text: text)
            return
        }
        let directory = global.directory
        let store = try directory.openStore()
        guard let head = try store.head(), let genesis = try store.genesis() else { throw DidctlFailure("The ledger is empty.") }
        let suite = try genesis.suite()
        let nodeId = Hex.encode(try directory.chainKey("node", suite: suite).publicKey)
        // Final: under a block a quorum of admitted nodes signed (specs/consortium.md §5).
        let finalHeight = try store.finalHeight()
        var object: [String: Any] = ["chainId": genesis.chainId, "height": head.header.height, "headHash": Hex.encode(head.hash),
                                     "nodeId": nodeId, "time": head.header.time, "threshold": genesis.threshold, "crypto": suite.name,
                                     "finalHeight": finalHeight.map { $0 as Any } ?? NSNull()]
        var text = """
            chain:  \(genesis.chainId)
            crypto: \(suite.name)
            height: \(head.header.height)
            final:  \(finalHeight.map(String.init) ?? "none")
            head:   \(Hex.encode(head.hash))
            node:   \(nodeId)
            """
        if let alert = directory.divergence(), let data = try? JSONSerialization.jsonObject(with: Data(alert.jsonValue.serialized())) {
            object["divergence"] = data
            text += "\nALERT:  \(alert.message)"
        }
        Output(json: global.json).emit(object, text: text)
    }
}
