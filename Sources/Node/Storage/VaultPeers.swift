package import Foundation
package import KeyCustody
package import Primitives

/// The vault nodes of other hosts that a coordinator splits accounts across (`vault/peers.json`,
/// `specs/custody-vault.md` §9.4), each pinned by the node ID and transport key its operator
/// printed with `didctl vault info`.
///
/// ```json
/// {"threshold": 2, "nodes": [{"url": "http://10.0.0.2:8080", "nodeId": "…", "transportKey": "vt1.…"}, …]}
/// ```
package struct VaultPeers: Sendable, Equatable {
    /// One remote vault node.
    package struct Peer: Sendable, Equatable {
        package let url: URL
        package let nodeID: String
        package let transportKey: VaultTransportKey
    }

    /// t for new accounts.
    package let threshold: Int
    /// The nodes, in the order recovery asks them.
    package let nodes: [Peer]

    /// Parses and checks a peer list.
    /// - Throws: `NodeError.refusal` saying what is wrong: not JSON, a node without an http(s)
    ///   URL, node ID or transport key, two entries for one node, or a threshold outside
    ///   1…nodes.
    package init(json bytes: [UInt8]) throws {
        guard case .object(let object)? = try? JSONValue(parsing: bytes), let list = object["nodes"]?.arrayValue else {
            throw NodeError.refusal("A vault peer list is {\"threshold\": t, \"nodes\": [{\"url\", \"nodeId\", \"transportKey\"}, …]}.")
        }
        let nodes = try list.enumerated().map { index, value -> Peer in
            guard let entry = value.objectValue, let text = entry["url"]?.stringValue, let url = URL(string: text),
                  ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw NodeError.refusal("Vault peer \(index + 1) needs \"url\", an http(s) URL of its node.")
            }
            guard let nodeID = entry["nodeId"]?.stringValue, nodeID.count == 32, (try? Hex.decode(nodeID)) != nil else {
                throw NodeError.refusal("Vault peer \(index + 1) needs \"nodeId\", 32 hex digits (didctl vault info prints it).")
            }
            guard let keyText = entry["transportKey"]?.stringValue, let key = try? VaultTransportKey(keyText) else {
                throw NodeError.refusal("Vault peer \(index + 1) needs \"transportKey\", vt1.… (didctl vault info prints it).")
            }
            return Peer(url: url, nodeID: nodeID, transportKey: key)
        }
        guard Set(nodes.map(\.nodeID)).count == nodes.count else { throw NodeError.refusal("Two vault peers name the same node ID.") }
        // A majority by default, so that any minority of the hosts may be down.
        let threshold = object["threshold"]?.doubleValue.map { $0 == $0.rounded() && abs($0) <= 1_000 ? Int($0) : 0 } ?? (nodes.count / 2 + 1)
        guard (1...255).contains(nodes.count), threshold >= 1, threshold <= nodes.count else {
            throw NodeError.refusal("A vault split across hosts needs 1 to 255 peers and a threshold from 1 to their number, not \(threshold)-of-\(nodes.count).")
        }
        self.threshold = threshold
        self.nodes = nodes
    }

    /// The file's bytes.
    package var json: [UInt8] {
        JCS.canonicalize(["threshold": .number(Double(threshold)), "nodes": .array(nodes.map {
            ["url": .string($0.url.absoluteString), "nodeId": .string($0.nodeID), "transportKey": .string($0.transportKey.description)]
        })])
    }
}
