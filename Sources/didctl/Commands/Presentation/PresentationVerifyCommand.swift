import Node
import ArgumentParser
import Chain
import Credentials
import DID
import Foundation
import Primitives

/// `didctl presentation verify FILE --challenge C [--domain D]`.
struct PresentationVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Verify a presentation against a challenge this data dir issued (consumed on success); exit 0 only if verified.",
        discussion: """
            With --node URL the node verifies it (POST /presentations/verify), against a challenge the node issued.
            Without a chain in the data directory, did:key holders and issuers verify under the standard policy against the challenge given (which the caller issued and must not accept twice); checks that read a chain are reported as needing one.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The presentation file, or '-' for stdin.") var file: String
    @Option(help: "The challenge issued for it.") var challenge: String
    @Option(help: "The expected domain.") var domain: String?
    @OptionGroup var policyOptions: PolicyOptions

    func validate() throws {
        if global.nodeURL != nil, policyOptions.policies != nil {
            throw ValidationError("--policies applies to verification here; a node verifies under standard or accredited.")
        }
    }

    func run() async throws {
        if let nodeURL = global.nodeURL { return try await verifyThroughNode(try NodeClient(nodeURL)) }
        let directory = global.directory
        let verificationPolicy = try policyOptions.resolved()
        guard let input = try CredentialInputs.read(file).first?.input else { throw DidctlFailure("\(file) holds no presentation.") }
        let verifier: PresentationVerifier, clock: any ChainClock
        var runtime: NodeRuntime?
        if directory.isInitialised {
            runtime = try NodeRuntime(directory: directory, access: .read)
            verifier = PresentationVerifier(credentials: runtime!.credentialVerifier(policy: verificationPolicy),
                                            challenges: DirectoryChallengeStore(directory: directory))
            clock = runtime!.clock
        } else {
            // As `credential verify` without a chain; the challenge is the caller's own.
            verifier = PresentationVerifier(credentials: CredentialVerifier(resolver: CompositeResolver([DIDKey.methodName: DIDKey.Resolver()]),
                                                                            registry: ChainlessCredentialRegistry(), policy: verificationPolicy),
                                            challenges: CallerChallengeStore(expected: challenge))
            clock = SystemClock()
            Output(json: global.json).progress("No chain in \(directory.url.path): did:key holders and issuers only, against your own challenge; checks that read a chain are reported as needing one.")
        }
        defer { runtime?.node.shutdown() }
        let result = await verifier.verify(input, challenge: challenge, domain: domain, now: Int64(clock.nowMilliseconds()))
        var lines = ["presentation: \(result.verified ? "VERIFIED" : "NOT VERIFIED")\(result.holder.map { " (holder \($0))" } ?? "")"]
        for check in result.checks {
            lines.append(CredentialVerifyCommand.line(check.name.rawValue, check.outcome.rawValue, check.reason))
        }
        for (index, credential) in result.credentials.enumerated() {
            lines.append(CredentialVerifyCommand.describe("credential \(index)", credential))
        }
        Output(json: global.json).emit(json: .object(result.json), text: lines.joined(separator: "\n"))
        if !result.verified { throw DidctlFailure("The presentation is not verified.") }
    }

    /// `--node URL`: the node's `POST /presentations/verify`, which consumes its own challenge.
    private func verifyThroughNode(_ client: NodeClient) async throws {
        guard let input = try CredentialInputs.read(file).first?.input else { throw DidctlFailure("\(file) holds no presentation.") }
        var options: JSONObject = ["challenge": .string(challenge), "policy": .string(policyOptions.policy)]
        if let domain { options["domain"] = .string(domain) }
        let (status, body) = try await client.post("presentations/verify", ["verifiablePresentation": input, "options": .object(options)])
        let verified = status == 200 && body["verified"] == .bool(true)
        var lines = ["presentation: \(verified ? "VERIFIED" : "NOT VERIFIED") (HTTP \(status) from \(client.base))"]
        lines += CredentialVerifyCommand.checkLines(answeredWith: status, body)
        var report = body
        report["httpStatus"] = .number(Double(status))
        Output(json: global.json).emit(json: .object(report), text: lines.joined(separator: "\n"))
        if !verified { throw DidctlFailure("The presentation is not verified.") }
    }
}
