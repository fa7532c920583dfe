import Node
import ArgumentParser
import Chain
import Credentials
import DID
import Foundation
import Primitives

/// `didctl credential issue`: one credential from a subject file, or one per CSV row with a
/// progress bar and a summary, each anchored on the chain.
struct CredentialIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue credentials for an accredited account's DID, anchoring their evidence on the chain.",
        discussion: """
            --subject FILE: a JSON object of subject claims (with "id": the holder's DID); prints the credential, or writes it to --out DIR.
            --csv FILE: the first line names the claims (an "id" column is the holder's DID); one credential per row, numbers and booleans typed by the CPT. A row the CPT refuses is reported with its line number; the others still issue. Writes DIR/credentials.jsonl (default: the current directory).
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The issuing account; its DID is the issuer.")
    var account: String

    @Option(help: "The CPT (credential schema) id, urn:chancery:cpt:<number>:<version>.")
    var cpt: String

    @Option(help: "A JSON file with the subject's claims.")
    var subject: String?

    @Option(help: "A CSV file, one subject per row.")
    var csv: String?

    @Option(help: "jwt, sd-jwt, di-eddsa, di-ecdsa, di-eddsa-rdfc or di-ecdsa-rdfc. The Data Integrity formats sign with the issuer DID's Ed25519 (eddsa) or P-256 (ecdsa) assertion key: add one with 'did update --add-key ACCOUNT --key-type ed25519|p256'.")
    var format: String = "jwt"

    @Option(help: "Validity in days from now (default: no expiry).")
    var validDays: Int?

    @Option(help: "Where to write the credentials.")
    var out: String?

    func validate() throws {
        guard (subject == nil) != (csv == nil) else { throw ValidationError("Give exactly one of --subject FILE or --csv FILE.") }
        guard CredentialFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be one of \(CredentialFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if let validDays, validDays <= 0 { throw ValidationError("--valid-days must be positive.") }
    }

    func run() async throws {
        let directory = global.directory
        let chain = try await global.chain()
        defer { chain.close() }
        let output = Output(json: global.json)
        let subjects: [IssuanceSubject]
        if let subject {
            subjects = [IssuanceSubject(line: 0, claims: try Self.readSubject(subject))]
        } else {
            let schema = try await chain.credentialSchema(id: cpt)
            subjects = try CSVSubjects.read(csv!, schema: schema?.document)
        }
        let until = validDays.map { Int64(chain.clock.nowMilliseconds()) + Int64($0) * 86_400_000 }
        let bar = csv != nil ? ProgressLine(enabled: !global.json, label: "issuing") : nil
        let format = CredentialFormat(rawValue: format)!
        let (did, signer, custody) = try await chain.credentialSigner(custody: try await directory.custodian(for: try directory.account(account)),
                                                                      format: format)
        let outcome = try await chain.issueCredentials(did: did, signer: signer, custody: custody, cpt: cpt, subjects: subjects,
                                                       format: format, validUntil: until,
                                                       recordingIn: directory, progress: { bar?.update($0, of: $1) })
        bar?.finish()
        for refusal in outcome.refused {
            FileHandle.standardError.write(Data("line \(refusal.line): refused: \(refusal.reason)\n".utf8))
        }
        if subject != nil { try emitSingle(outcome, output: output) } else { try emitBatch(outcome, output: output) }
        if outcome.issued.isEmpty { throw DidctlFailure("No credential was issued: every subject was refused.") }
    }

    private func emitSingle(_ outcome: IssuanceOutcome, output: Output) throws {
        guard let issued = outcome.issued.first else {
            throw DidctlFailure("The subject was refused: \(outcome.refused.first?.reason ?? "unknown reason").")
        }
        let text = issued.credential.stringValue ?? issued.credential.prettyPrinted()
        if let out {
            let name = issued.credential.stringValue != nil ? "credential.jwt" : "credential.json"
            let url = URL(fileURLWithPath: out).appendingPathComponent(name)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: url, options: .atomic)
            output.emit(["id": issued.id, "file": url.path, "anchorTransaction": outcome.anchorTransaction ?? ""], text: "Issued \(issued.id) → \(url.path)")
        } else {
            output.emit(["id": issued.id, "credential": issued.credential.stringValue ?? text, "anchorTransaction": outcome.anchorTransaction ?? ""], text: text)
        }
    }

    private func emitBatch(_ outcome: IssuanceOutcome, output: Output) throws {
        let directory = out ?? "."
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let url = URL(fileURLWithPath: directory).appendingPathComponent("credentials.jsonl")
        var lines: [UInt8] = []
        lines.reserveCapacity(outcome.issued.count * 1_500)
        for item in outcome.issued {
            lines += JSONValue.object(["line": .number(Double(item.line)), "id": .string(item.id), "credential": item.credential]).serialized()
            lines.append(UInt8(ascii: "\n"))
        }
        try Data(lines).write(to: url, options: .atomic)
        output.emit(["issued": outcome.issued.count, "refused": outcome.refused.map { ["line": $0.line, "reason": $0.reason] },
                     "file": url.path, "anchorTransaction": outcome.anchorTransaction ?? "", "merkleRoot": outcome.root ?? ""],
                    text: "Issued \(outcome.issued.count), refused \(outcome.refused.count); anchored root \(outcome.root ?? "-") in \(outcome.anchorTransaction ?? "-"); wrote \(url.path)")
    }

    static func readSubject(_ path: String) throws -> JSONObject {
        guard let data = FileManager.default.contents(atPath: path) else { throw DidctlFailure("Cannot read \(path).") }
        let value: JSONValue
        do { value = try JSONValue(parsing: [UInt8](data)) } catch { throw DidctlFailure("\(path) is not valid JSON: \(error)") }
        guard case .object(let object) = value else { throw DidctlFailure("\(path) must hold a JSON object of subject claims.") }
        return object
    }
}
