import Node
import ArgumentParser
import Chain
import Foundation
import Primitives

/// `didctl chain blocks`: lists blocks, newest first.
struct ChainBlocksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "blocks", abstract: "List blocks, newest first.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Start at this height instead of the head.")
    var from: UInt64?

    @Option(help: "How many blocks to list.")
    var limit = 20

    func run() throws {
        let store = try global.directory.openStore()
        guard let head = try store.head() else { throw DidctlFailure("The ledger is empty.") }
        let top = min(from ?? head.header.height, head.header.height)
        var rows: [[String: Any]] = []
        var text = "height  transactions  time                      hash\n"
        var height = top
        while rows.count < max(0, limit), let signed = try store.signedHeader(at: height) {
            let h = signed.header
            let time = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(h.time) / 1000))
            rows.append(["height": h.height, "transactionCount": h.transactionCount, "time": h.time, "hash": Hex.encode(signed.hash)])
            text += String(h.height).padding(toLength: 8, withPad: " ", startingAt: 0)
                + String(h.transactionCount).padding(toLength: 14, withPad: " ", startingAt: 0)
                + time.padding(toLength: 26, withPad: " ", startingAt: 0) + Hex.encode(signed.hash) + "\n"
            if height == 0 { break }
            height -= 1
        }
        Output(json: global.json).emit(["blocks": rows], text: text.trimmingCharacters(in: .newlines))
    }
}
