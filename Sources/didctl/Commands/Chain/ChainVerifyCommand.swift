import Node
import ArgumentParser
import Chain
import Foundation

/// `didctl chain verify`: the full integrity check; exit 1 naming the first bad block.
struct ChainVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-check every hash, signature, Merkle root and the state commitment; name the first bad block.")

    @OptionGroup var global: LocalOptions

    func run() throws {
        let output = Output(json: global.json)
        let store = try global.directory.openStore()
        let progress = ProgressLine(enabled: !global.json, label: "verifying blocks")
        let report = try ChainVerifier(store: store, handlers: NodeRuntime.handlers()).verify { height, head in
            progress.update(Int(height + 1), of: Int(head + 1))
        }
        progress.finish()
        var object: [String: Any] = ["valid": report.isValid, "verifiedBlocks": report.verifiedBlocks,
                                     "verifiedTransactions": report.verifiedTransactions]
        if let bad = report.firstBadBlock { object["firstBadBlock"] = bad }
        if let problem = report.problem { object["problem"] = problem }
        output.emit(object, text: report.isValid
            ? "Ledger intact: \(report.verifiedBlocks) blocks, \(report.verifiedTransactions) transactions verified."
            : "Ledger damaged: \(report.problem ?? "")")
        if !report.isValid { throw ExitCode.failure }
    }
}
