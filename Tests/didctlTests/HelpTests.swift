import Foundation
import Testing

/// The CLI reads as one tool: each command's help offers only the options it takes, and prints a
/// default once.
struct HelpTests {
    static let commands = [
        "init", "account create", "account approve", "account requests", "account recover", "account list", "account delegate",
        "account revoke-delegation", "did create", "did update", "did deactivate", "did resolve", "cpt register", "cpt show",
        "issuer apply", "issuer approve", "issuer revoke", "issuer list", "credential issue", "credential verify", "credential revoke",
        "presentation challenge", "presentation create", "presentation verify", "authorize grant", "authorize revoke", "authorize check",
        "audit trace", "audit link", "audit log", "vault info", "vault use-peers", "chain info", "chain verify", "chain blocks", "node start", "node admit",
        "node token create", "node token list", "node token revoke", "bench chain", "bench register", "bench resolve",
    ]

    @Test("--node is offered in the help of the commands that take it and nowhere else")
    func nodeOptionWhereTaken() throws {
        for command in ["did create", "account approve", "authorize check", "issuer list", "audit trace"] {
            let help = try Didctl.run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.stdout.contains("--node <node>"), "\(command)")
        }
        for command in ["account list", "chain verify", "node token list", "init", "node start"] {
            let help = try Didctl.run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(!help.stdout.contains("--node"), "\(command): \(help.stdout)")
            // Still read, so the refusal can name the commands that take it.
            let used = try Didctl.run(command.split(separator: " ").map(String.init) + ["--node", "http://127.0.0.1:9"])
            #expect(used.status == 2 && (used.stderr.contains("Commands that take --node") || used.stderr.contains("--node is not supported")),
                    "\(command): \(used.stderr)")
        }
    }

    @Test("no option's help states its default twice, and every default reads as a user would type it")
    func defaultsOnce() throws {
        for command in Self.commands {
            let help = try Didctl.run(command.split(separator: " ").map(String.init) + ["--help"])
            #expect(help.status == 0, "\(command)")
            // One block per option: its line and the wrapped lines under it.
            for block in help.stdout.components(separatedBy: "\n  -").dropFirst() {
                let flat = block.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(flat.lowercased().components(separatedBy: "default").count <= 2, "\(command): \(flat)")
                #expect(!flat.contains("(count:") && !flat.contains("Argument("), "\(command): \(flat)")
            }
        }
    }
}
