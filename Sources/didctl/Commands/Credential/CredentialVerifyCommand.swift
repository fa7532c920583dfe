import Node
import ArgumentParser
import Chain
import Credentials
import DID
import Foundation
import Primitives

/// `didctl credential verify FILE...`: every check of every credential; exit 0 only if all
/// are verified.
struct CredentialVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify credentials (JSON with an embedded proof, a JWT or an SD-JWT; '-' reads stdin).",
        discussion: "A file may also be the credentials.jsonl that `credential issue --csv` writes. Prints every check with its reason; exits 1 unless every credential is verified.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Credential files, or '-' for standard input.")
    var files: [String]

    @OptionGroup var policyOptions: PolicyOptions

    func validate() throws {
        if global.nodeURL != nil, policyOptions.policies != nil {
            throw ValidationError("--policies applies to verification here; a node verifies under standard or accredited.")
        }
        guard !files.isEmpty else { throw ValidationError("Name at least one credential file, or '-' for stdin.") }
    }

    func run() async throws {
        if let nodeURL = global.nodeURL { return try await verifyThroughNode(try NodeClient(nodeURL)) }
        let verificationPolicy = try policyOptions.resolved()
        let directory = global.directory
        let verifier: CredentialVerifier, clock: any ChainClock
        var runtime: NodeRuntime?
        if directory.isInitialised {
            runtime = try NodeRuntime(directory: directory, access: .read)
            verifier = runtime!.credentialVerifier(policy: verificationPolicy)
            clock = runtime!.clock
        } else {
            // No chain: did:key issuers verify as far as no chain is needed; the checks that
            // read one are reported `needsChain` (and fail under the accredited policy).
            verifier = CredentialVerifier(resolver: CompositeResolver([DIDKey.methodName: DIDKey.Resolver()]),
                                          registry: ChainlessCredentialRegistry(), policy: verificationPolicy)
            clock = SystemClock()
            Output(json: global.json).progress("No chain in \(directory.url.path): did:key issuers only; checks that read a chain are reported as needing one.")
        }
        defer { runtime?.node.shutdown() }
        var results: [(source: String, result: CredentialVerificationResult)] = []
        for file in files {
            for (label, input) in try CredentialInputs.read(file) {
                results.append((label, await verifier.verify(input, now: Int64(clock.nowMilliseconds()))))
            }
        }
        let output = Output(json: global.json)
        output.emit(json: .array(results.map { item in
            var object = item.result.json
            object["source"] = .string(item.source)
            return .object(object)
        }), text: results.map { Self.describe($0.source, $0.result) }.joined(separator: "\n\n"))
        let failed = results.filter { !$0.result.verified }.count
        if failed > 0 { throw DidctlFailure("\(failed) of \(results.count) credentials not verified.") }
    }

    static func describe(_ source: String, _ result: CredentialVerificationResult) -> String {
        var lines = ["\(source): \(result.verified ? "VERIFIED" : "NOT VERIFIED")\(result.format.map { " (\($0))" } ?? "")"]
        if let issuer = result.issuer { lines.append("  issuer: \(issuer)") }
        for check in result.checks { lines.append(line(check.name.rawValue, check.outcome.rawValue, check.reason)) }
        return lines.joined(separator: "\n")
    }

    /// One check as printed: `ok  `, `FAIL` or `n/a `, its name and its reason.
    static func line(_ name: String, _ outcome: String, _ reason: String) -> String {
        let mark = switch outcome { case "passed": "ok  "; case "failed": "FAIL"; default: "n/a " }
        return "  \(mark) \(name): \(reason)"
    }

    /// The checks a node answered, one line each as ``line(_:_:_:)`` prints them, and the
    /// reason of a malformed (400) request.
    static func checkLines(answeredWith status: Int, _ body: JSONObject) -> [String] {
        var lines = (body["checks"]?.arrayValue ?? []).map { check in
            line(check["check"]?.stringValue ?? "", check["outcome"]?.stringValue ?? "", check["reason"]?.stringValue ?? "")
        }
        if status == 400 { lines.append("  malformed: \(body["detail"]?.stringValue ?? "")") }
        return lines
    }

    /// `--node URL`: each credential goes to the node's `POST /credentials/verify`.
    private func verifyThroughNode(_ client: NodeClient) async throws {
        var reports: [JSONValue] = [], texts: [String] = [], failed = 0
        for file in files {
            for (label, input) in try CredentialInputs.read(file) {
                let (status, body) = try await client.post("credentials/verify", ["verifiableCredential": input, "options": ["policy": .string(policyOptions.policy)]])
                var report = body
                report["source"] = .string(label)
                report["httpStatus"] = .number(Double(status))
                reports.append(.object(report))
                let verified = status == 200 && body["verified"] == .bool(true)
                if !verified { failed += 1 }
                var lines = ["\(label): \(verified ? "VERIFIED" : "NOT VERIFIED") (HTTP \(status) from \(client.base))"]
                if let issuer = body["issuer"]?.stringValue { lines.append("  issuer: \(issuer)") }
                lines += Self.checkLines(answeredWith: status, body)
                texts.append(lines.joined(separator: "\n"))
            }
        }
        Output(json: global.json).emit(json: .array(reports), text: texts.joined(separator: "\n\n"))
        if failed > 0 { throw DidctlFailure("\(failed) of \(reports.count) credentials not verified.") }
    }
}
