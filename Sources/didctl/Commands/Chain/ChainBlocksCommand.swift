import Node
import ArgumentParser
import Chain
import Foundation
import Primitives

/// `didctl chain blocks`: lists blocks, newest first.
struct ChainBlocksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "blocks", abstract: "List blocks, newest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Start at this height instead of the head.")
    var from: UInt64?

    @Option(help: "How many blocks to list.")
    var limit = 20

    func run() async throws {
        if let nodeURL = global.nodeURL {
            var query = [URLQueryItem(name: "limit", value: String(max(1, min(limit, 1_000))))]
            if let from { query.append(URLQueryItem(name: "from", value: String(from))) }
            let (status, body) = try await NodeClient(nodeURL).get("blocks", query: query)
            guard status == 200, let blocks = body["blocks"]?.arrayValue else {
                throw DidctlFailure(body["detail"]?.stringValue ?? "The node answered \(status) for its blocks.")
            }
            let rows: [(UInt64, UInt32, UInt64, String)] = blocks.compactMap { block in
                guard let height = block["height"]?.doubleValue, let count = block["transactionCount"]?.doubleValue,
                      let time = block["time"]?.doubleValue, let hash = block["hash"]?.stringValue else { return nil }
                return (UInt64(height), UInt32(count), UInt64(time), hash)
            }
            emit(rows)
            return
        }
        let store = try global.directory.openStore()
        guard try store.head() != nil else { throw DidctlFailure("The ledger is empty.") }
        emit(try store.headers(from: from, limit: limit).map {
            ($0.header.height, $0.header.transactionCount, $0.header.time, Hex.encode($0.hash))
        })
    }

    /// Prints (height, transaction count, time in ms, hash) rows as a table or JSON.
    private func emit(_ rows: [(UInt64, UInt32, UInt64, String)]) {
        var text = "height  transactions  time                      hash\n"
        for (height, count, time, hash) in rows {
            let shown = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(time) / 1000))
            text += String(height).padding(toLength: 8, withPad: " ", startingAt: 0)
                + String(count).padding(toLength: 14, withPad: " ", startingAt: 0)
                + shown.padding(toLength: 26, withPad: " ", startingAt: 0) + hash + "\n"
        }
        Output(json: global.json).emit(["blocks": rows.map { ["height": $0.0, "transactionCount": $0.1, "time": $0.2, "hash": $0.3] as [String: Any] }],
                                       text: text.trimmingCharacters(in: .newlines))
    }
}
