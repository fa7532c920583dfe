import Node
import ArgumentParser
import Foundation

/// `didctl vault use-peers FILE`: from now on, full-custody accounts of this data directory
/// keep their shares on the vault nodes of other hosts.
struct VaultUsePeersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use-peers",
        abstract: "Split this data directory's vault across the vault nodes of other hosts.",
        discussion: """
            FILE is {"threshold": t, "nodes": [{"url": "http://HOST:PORT", "nodeId": …, "transportKey": "vt1.…"}, …]}, each \
            node's ID and key as 'didctl vault info' printed them on its host (the threshold defaults to a majority). \
            Each node must admit this data directory's coordinator key. Done once, before the first full-custody account.
            """)

    @OptionGroup var global: LocalOptions

    @Argument(help: "The peer list, JSON.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw DidctlFailure("Cannot read \(file).") }
        let peers = try VaultPeers(json: Array(data))
        try global.directory.useVaultPeers(peers)
        Output(json: global.json).emit(
            ["threshold": peers.threshold, "nodes": peers.nodes.map(\.url.absoluteString)],
            text: "Full-custody accounts now split \(peers.threshold)-of-\(peers.nodes.count) across "
                + peers.nodes.map(\.url.absoluteString).joined(separator: ", ") + ".")
    }
}
