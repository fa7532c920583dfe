import Node
import ArgumentParser
import Chain
import Primitives

/// `didctl node admit NODE-ID`: this committee member's approval of admitting a node; the node
/// is admitted when approvals reach the threshold (each committee member runs the command).
struct NodeAdmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admit",
        abstract: "Approve admitting a node (k-of-n: each committee member runs this).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var committee: CommitteeOptions

    @Argument(help: "The node id, as 'didctl init' prints it: its 32-byte BIP-340 key in hex, or its 33-byte SM2 key on an sm chain.")
    var nodeId: String

    func validate() throws {
        // The chain checks the key against its own suite when the action executes.
        guard let bytes = try? Hex.decode(nodeId), ChainCryptoSuite.all.contains(where: { $0.signature.isValidPublicKey(bytes) }) else {
            throw ValidationError("NODE-ID must be a 32-byte BIP-340 public key in hex (64 digits), or a 33-byte SM2 key (66 digits) on an sm chain.")
        }
    }

    func run() async throws {
        let chain = try await global.chain()
        defer { chain.close() }
        let (receipt, executed) = try await global.approve(
            GovernanceAction(kind: "admitNode", parameters: ["nodeId": .string(nodeId.lowercased())]), through: chain,
            as: committee.approver)
        Output(json: global.json).emit(
            ["nodeId": nodeId.lowercased(), "admitted": executed, "transactionId": receipt.transactionId.description,
             "height": receipt.height],
            text: executed ? "Node \(nodeId.lowercased()) admitted in block \(receipt.height)."
                           : "Approval recorded in block \(receipt.height); more committee approvals are needed.")
    }
}
