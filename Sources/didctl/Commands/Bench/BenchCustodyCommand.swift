import ArgumentParser
import Benchmarks
import Foundation
import Node

/// `didctl bench custody`: one-time key issuance, HSM signing and split-vault latency.
struct BenchCustodyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custody",
        abstract: "Measure one-time key issuance, SoftHSM2 signatures and split-vault create/recover latency.")

    @OptionGroup var global: LocalOptions

    @Option(help: "One-time keys to issue.")
    var keys = 5_000

    @Option(name: .customLong("hsm-signatures"), help: "Signatures to make through SoftHSM2.")
    var hsmSignatures = 500

    @Option(name: .customLong("vault-rounds"), help: "Vault accounts to create and recover (median reported).")
    var vaultRounds = 3

    func validate() throws {
        guard keys >= 1, hsmSignatures >= 1, vaultRounds >= 1 else { throw ValidationError("Counts must be at least 1.") }
    }

    func run() async throws {
        let output = Output(json: global.json)
        let r = try await CustodyBenchmark(keys: keys, hsmSignatures: hsmSignatures, vaultRounds: vaultRounds,
                                           progress: { output.progress($0) }).run()
        try output.emit(r, text: String(format: """
            one-time keys, end to end        %.0f keys/s (generate, sign request, certify, seal)
            membership service alone         %.0f certificates/s
            HSM (SoftHSM2) ECDSA signatures  %@
            vault create (3-of-5)            %.0f ms median
            vault recover (3-of-5)           %.0f ms median (Argon2id %@)
            """, r.oneTimeKeysPerSecond, r.membershipServiceCertificatesPerSecond,
            r.hsmSignaturesPerSecond.map { String(format: "%.0f signatures/s", $0) } ?? "not measured: \(r.hsmNote ?? "")",
            r.vaultCreateMilliseconds, r.vaultRecoverMilliseconds, r.vaultArgon2))
    }
}
