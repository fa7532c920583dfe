import Node
import ArgumentParser
import Chain
import Credentials
import Foundation
import Primitives

/// `didctl bench issue`: batch issuance from a CSV, end to end: read and type the rows,
/// validate each against the CPT, allocate status entries, anchor the Merkle root on the
/// chain, sign every credential with its inclusion proof, write the JSON Lines file.
struct BenchIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Measure batch issuance from a CSV (evidence anchored) in credentials per second, end to end.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "CSV rows, one credential each.") var count = 100_000
    @Option(help: "Rounds (each a fresh batch on the same chain); the median is reported.") var rounds = 3

    struct Result: Encodable {
        let credentials: Int
        let credentialsPerSecond: Double
        let secondsPerBatch: Double
        let sampleVerified: Int
        let sampleSize: Int
        let outputMegabytes: Double
    }

    func validate() throws {
        guard count >= 1, rounds >= 1 else { throw ValidationError("Counts must be at least 1.") }
    }

    func run() async throws {
        let output = Output(json: global.json)
        let r = try await global.withBenchmarkDirectory("issue") { directory in
            let bench = CredentialBenchmark(directory: directory, progress: { output.progress($0) })
            let issuer = try await bench.setUp()
            defer { issuer.runtime.node.shutdown() }
            let csv = directory.url.appendingPathComponent("subjects.csv")
            var text = "id,name,degree,year\n"
            for index in 0..<count {
                let subject = CredentialBenchmark.subject(index)
                text += "\(subject["id"]!.stringValue!),\"\(subject["name"]!.stringValue!)\",\(subject["degree"]!.stringValue!),\(Int(subject["year"]!.doubleValue!))\n"
            }
            try Data(text.utf8).write(to: csv)
            let schema = try issuer.runtime.credentialRegistry().credentialSchema(id: issuer.cpt)
            var seconds: [Double] = []
            var last = IssuanceOutcome()
            var size = 0
            for round in 1...rounds {
                let start = DispatchTime.now().uptimeNanoseconds
                let subjects = try CSVSubjects.read(csv.path, schema: schema?.document)
                last = try await issuer.runtime.issueCredentials(did: issuer.did, signer: issuer.signer, custody: issuer.custody, cpt: issuer.cpt,
                                                                 subjects: subjects, format: .jwt, validUntil: nil)
                var bytes: [UInt8] = []
                bytes.reserveCapacity(last.issued.count * 1_600)
                for item in last.issued {
                    bytes += JSONValue.object(["line": .number(Double(item.line)), "id": .string(item.id), "credential": item.credential]).serialized()
                    bytes.append(UInt8(ascii: "\n"))
                }
                try Data(bytes).write(to: directory.url.appendingPathComponent("credentials-\(round).jsonl"))
                size = bytes.count
                seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                guard last.refused.isEmpty, last.issued.count == count else { throw DidctlFailure("The benchmark batch had refused rows.") }
                output.progress(String(format: "round %d: %d credentials in %.2f s (%.0f/s)", round, count, seconds.last!, Double(count) / seconds.last!))
            }
            let verifier = issuer.runtime.credentialVerifier(policy: .accredited)
            let now = Int64(issuer.runtime.clock.nowMilliseconds())
            var verified = 0
            let sample = stride(from: 0, to: last.issued.count, by: max(1, last.issued.count / 100)).map { last.issued[$0].credential }
            for credential in sample where await verifier.verify(credential, now: now).verified { verified += 1 }
            let median = CredentialBenchmark.median(seconds)
            return Result(credentials: count, credentialsPerSecond: Double(count) / median, secondsPerBatch: median,
                          sampleVerified: verified, sampleSize: sample.count, outputMegabytes: Double(size) / 1e6)
        }
        try output.emit(r, text: String(format: """
            batch                          %d credentials from a CSV (ES256K vc+jwt, revocation and suspension entries, one anchor)
            issuance, end to end           %.0f credentials per second (%.2f s per batch, median)
            sample verified (accredited)   %d of %d
            output                         %.1f MB of JSON Lines
            """, r.credentials, r.credentialsPerSecond, r.secondsPerBatch, r.sampleVerified, r.sampleSize, r.outputMegabytes))
        if r.sampleVerified != r.sampleSize { throw DidctlFailure("Issued credentials failed verification.") }
    }
}
