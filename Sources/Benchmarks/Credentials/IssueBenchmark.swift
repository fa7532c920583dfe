import Chain
import Credentials
import Foundation
package import Node
package import Primitives

/// `didctl bench issue`: batch issuance from a CSV, end to end: read and type the rows,
/// validate each against the CPT, allocate status entries, anchor the Merkle root on the
/// chain, sign every credential with its inclusion proof, write the JSON Lines file; then a
/// sample is verified under the accredited policy.
package struct IssueBenchmark {
    /// CSV rows, one credential each.
    package var count = 100_000
    /// Rounds (each a fresh batch on the same chain); the median is reported.
    package var rounds = 3
    /// Where the chain, the CSV and the output files are written.
    package var directory: DataDirectory
    /// Reads the CSV at a path into subjects typed by the CPT's schema, as `credential issue
    /// --csv` does: reading the file is part of what is timed, so the caller passes its reader.
    package var readSubjects: (_ path: String, _ schema: JSONValue?) throws -> [IssuanceSubject]
    /// Called with a line of progress now and then.
    package var progress: (String) -> Void = { _ in }

    /// The figures of one run.
    package struct Result: Encodable {
        /// Credentials per batch.
        package let credentials: Int
        /// Credentials per second, end to end, median over the rounds.
        package let credentialsPerSecond: Double
        /// Seconds per batch, median over the rounds.
        package let secondsPerBatch: Double
        /// Credentials of the last batch that verified.
        package let sampleVerified: Int
        /// Credentials of the last batch verified.
        package let sampleSize: Int
        /// Size of one batch's JSON Lines file.
        package let outputMegabytes: Double
    }

    /// Creates the benchmark over a fresh data directory; the defaults are the reported settings.
    package init(count: Int = 100_000, rounds: Int = 3, directory: DataDirectory,
                 readSubjects: @escaping (_ path: String, _ schema: JSONValue?) throws -> [IssuanceSubject],
                 progress: @escaping (String) -> Void = { _ in }) {
        self.count = count
        self.rounds = rounds
        self.directory = directory
        self.readSubjects = readSubjects
        self.progress = progress
    }

    /// Sets up the accredited issuer, writes the CSV and issues it `rounds` times.
    /// - Returns: the figures.
    /// - Throws: `BenchmarkError` when a row is refused; the chain's and issuance's errors.
    package func run() async throws -> Result {
        let issuer = try await CredentialBenchmark(directory: directory, progress: progress).setUp()
        defer { issuer.runtime.node.shutdown() }
        let csv = directory.url.appendingPathComponent("subjects.csv")
        var text = "id,name,degree,year\n"
        for index in 0..<count {
            let subject = CredentialBenchmark.subject(index)
            text += "\(subject["id"]!.stringValue!),\"\(subject["name"]!.stringValue!)\",\(subject["degree"]!.stringValue!),\(Int(subject["year"]!.doubleValue!))\n"
        }
        try Data(text.utf8).write(to: csv)
        let schema = try CPTIdentifier(issuer.cpt).flatMap { try issuer.runtime.credentialRegistry().credentialSchema(id: $0) }
        var seconds: [Double] = []
        var last = IssuanceOutcome()
        var size = 0
        for round in 1...max(1, rounds) {
            let start = DispatchTime.now().uptimeNanoseconds
            let subjects = try readSubjects(csv.path, schema?.document)
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
            guard last.refused.isEmpty, last.issued.count == count else { throw BenchmarkError("The benchmark batch had refused rows.") }
            progress(String(format: "round %d: %d credentials in %.2f s (%.0f/s)", round, count, seconds.last!, Double(count) / seconds.last!))
        }
        let verifier = issuer.runtime.credentialVerifier(policy: .accredited)
        let now = Int64(issuer.runtime.clock.nowMilliseconds())
        var verified = 0
        let sample = stride(from: 0, to: last.issued.count, by: max(1, last.issued.count / 100)).map { last.issued[$0].credential }
        for credential in sample where await verifier.verify(credential, now: now).verified { verified += 1 }
        let median = BenchmarkStatistics.median(seconds)
        return Result(credentials: count, credentialsPerSecond: Double(count) / median, secondsPerBatch: median,
                      sampleVerified: verified, sampleSize: sample.count, outputMegabytes: Double(size) / 1e6)
    }
}
