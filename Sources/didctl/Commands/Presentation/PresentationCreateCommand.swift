import Node
import ArgumentParser
import Chain
import Credentials
import DID
import Foundation
import Primitives

/// `didctl presentation create --account HOLDER --credential FILE... --challenge C --domain D`.
struct PresentationCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Sign a presentation of credentials as the holder; prints it.",
        discussion: "JWT credentials go into a vp+jwt signed with the holder's key. A single SD-JWT credential is presented with only the --disclose claims and a key-binding JWT over the challenge and domain.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The holder's account; its DID must be each credential's subject.") var account: String
    @Option(help: "A credential file (repeatable).") var credential: [String]
    @Option(help: "The verifier's challenge (from `presentation challenge` or POST /challenges).") var challenge: String
    @Option(help: "The verifier's domain.") var domain: String
    @Option(help: "For SD-JWT: a claim to disclose (repeatable); others stay hidden.") var disclose: [String] = []
    @Option(help: "Where to write the presentation (default: print it).") var out: String?

    func run() async throws {
        let chain = try await global.chain(.read)
        defer { chain.close() }
        let directory = global.directory
        let (did, signer, _) = try await chain.credentialSigner(custody: try await directory.custodian(for: try directory.account(account)),
                                                                relationship: .authentication)
        let inputs = try credential.flatMap { try CredentialInputs.read($0).map(\.input) }
        let text: String
        if inputs.count == 1, case .string(let sdJWT) = inputs[0], sdJWT.contains("~") {
            text = try await SDJWT.present(sdJWT, disclose: Set(disclose), keyBinding: (audience: domain, nonce: challenge,
                                           issuedAt: chain.clock.nowMilliseconds() / 1000, signer: signer))
        } else {
            let entries: [JSONValue] = inputs.map { input in
                guard case .string(let jwt) = input else { return input }
                return ["@context": [.string(DataModelVersion.v2.rawValue)], "type": "EnvelopedVerifiableCredential",
                        "id": .string("data:application/vc+jwt,\(jwt)")]
            }
            let presentation: JSONObject = ["@context": [.string(DataModelVersion.v2.rawValue)], "type": ["VerifiablePresentation"],
                                            "holder": .string(did.description), "verifiableCredential": .array(entries)]
            text = try await JWTPresentation.issue(presentation, challenge: challenge, domain: domain, signer: signer)
        }
        if let out {
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            Output(json: global.json).emit(["file": out], text: "Wrote \(out)")
        } else {
            Output(json: global.json).emit(["presentation": text], text: text)
        }
    }
}
