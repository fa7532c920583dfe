import Node
import ArgumentParser
import KeyCustody
import Primitives

/// `didctl vault info`: what other hosts need to name this data directory's vault roles.
struct VaultInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Print the ID and transport key of the vault node this data directory serves, and its coordinator key.",
        discussion: """
            A coordinator's operator lists the served node in its peer file (didctl vault use-peers) with nodeId and \
            transportKey; the node's operator admits the coordinator with node start --vault-serve --vault-coordinators \
            coordinatorKey. Both are created on first use; neither reveals a secret.
            """)

    @OptionGroup var global: LocalOptions

    func run() throws {
        let directory = global.directory
        let node = try directory.servedVaultNode()
        let coordinator = Hex.encode(try directory.vaultCoordinatorKey().publicKey.rawRepresentation)
        Output(json: global.json).emit(
            ["nodeId": node.nodeID, "transportKey": node.transportKey.description, "coordinatorKey": coordinator],
            text: "Served vault node: \(node.nodeID)\nTransport key:     \(node.transportKey)\nCoordinator key:   \(coordinator)")
    }
}
