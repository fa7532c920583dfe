import Chain
import Node
import Foundation
import KeyCustody
import Primitives

/// `didctl bench custody`: one-time key issuance per second (member side and membership
/// service side), HSM signatures per second through a real SoftHSM2 token, and split-vault
/// account creation and recovery latency.
package struct CustodyBenchmark: Sendable {
    /// One-time keys issued.
    package var keys = 5_000
    /// Signatures made through SoftHSM2.
    package var hsmSignatures = 500
    /// Vault accounts created and recovered (median reported).
    package var vaultRounds = 3
    /// Called with a line of progress now and then.
    package var progress: @Sendable (String) -> Void = { _ in }

    /// The figures of one run.
    package struct Result: Codable {
        package var oneTimeKeysPerSecond: Double
        package var membershipServiceCertificatesPerSecond: Double
        package var hsmSignaturesPerSecond: Double?
        package var hsmNote: String?
        package var vaultCreateMilliseconds: Double
        package var vaultRecoverMilliseconds: Double
        package var vaultArgon2: String
    }

    /// Creates the benchmark; the defaults are the reported settings.
    package init(keys: Int = 5_000, hsmSignatures: Int = 500, vaultRounds: Int = 3, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.keys = keys
        self.hsmSignatures = hsmSignatures
        self.vaultRounds = vaultRounds
        self.progress = progress
    }

    /// Runs every measurement on a fresh chain and vault in a temporary directory.
    /// - Returns: the figures; the HSM figure is absent, with a note, when SoftHSM2 is not installed.
    /// - Throws: `BenchmarkError` when the vault rebuilds a different key; the chain's and
    ///   custody's errors when a step fails.
    package func run() async throws -> Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-bench-custody-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = DataDirectory(url: root.appendingPathComponent("node"))
        _ = try ChainBootstrap.create(in: directory, chainId: "bench-custody")
        let runtime = try NodeRuntime(directory: directory)
        defer { runtime.node.shutdown() }

        progress("issuing \(keys) one-time keys…")
        let start = ContinuousClock.now
        _ = try await runtime.oneTimeKeys(count: keys)
        let endToEnd = Double(keys) / (ContinuousClock.now - start).seconds
        let handle = MemberHandle(publicKey: try await runtime.custodian.publicKey(for: KeyReference("operator")))
        let issuer = OneTimeKeyIssuer(chainId: runtime.genesis.chainId, memberHandle: handle, custodian: runtime.custodian,
                                      key: KeyReference("operator"))
        let now = runtime.clock.nowMilliseconds()
        let epoch = runtime.schedule.epoch(atMilliseconds: now)
        let (_, request) = try await issuer.request(count: min(keys, 2_000), epoch: epoch, time: now)
        let serviceStart = ContinuousClock.now
        _ = try runtime.membershipService.certify(request, now: now)
        let service = Double(request.oneTimeKeys.count) / (ContinuousClock.now - serviceStart).seconds

        var hsmRate: Double?, hsmNote: String?
        do { hsmRate = try await hsmSignaturesPerSecond(root: root) } catch { hsmNote = "\(error)" }

        progress("creating and recovering vault accounts (3-of-5, Argon2id moderate)…")
        let nodes = try (1...5).map { try VaultNode(directory: root.appendingPathComponent("vault/node-\($0)").path) }
        let vault = try SplitVault(directory: root.appendingPathComponent("vault/accounts").path, nodes: nodes)
        var creates: [Double] = [], recovers: [Double] = []
        for round in 0..<vaultRounds {
            let password = SecureBytes(Array("password \(round)".utf8))
            let t0 = ContinuousClock.now
            let publicKey = try await vault.createAccount(username: "bench\(round)", password: password)
            let t1 = ContinuousClock.now
            let key = try await vault.recover(username: "bench\(round)", password: password)
            let t2 = ContinuousClock.now
            guard key.publicKey == publicKey else { throw BenchmarkError("The vault rebuilt a different key.") }
            creates.append((t1 - t0).seconds * 1000)
            recovers.append((t2 - t1).seconds * 1000)
        }
        return Result(oneTimeKeysPerSecond: endToEnd, membershipServiceCertificatesPerSecond: service,
                      hsmSignaturesPerSecond: hsmRate, hsmNote: hsmNote,
                      vaultCreateMilliseconds: BenchmarkStatistics.percentile(creates.sorted(), 0.5),
                      vaultRecoverMilliseconds: BenchmarkStatistics.percentile(recovers.sorted(), 0.5),
                      vaultArgon2: "moderate (opslimit 3, 256 MiB), computed once per operation")
    }

    /// Signs digests through a fresh SoftHSM2 token in a temporary directory.
    private func hsmSignaturesPerSecond(root: URL) async throws -> Double {
        let module = "/usr/lib/softhsm/libsofthsm2.so"
        guard FileManager.default.fileExists(atPath: module) else { throw BenchmarkError("SoftHSM2 is not installed") }
        progress("signing \(hsmSignatures) digests in SoftHSM2…")
        let tokens = root.appendingPathComponent("tokens")
        try FileManager.default.createDirectory(at: tokens, withIntermediateDirectories: true)
        let conf = root.appendingPathComponent("softhsm2.conf")
        try "directories.tokendir = \(tokens.path)\nobjectstore.backend = file\nlog.level = ERROR\n"
            .write(to: conf, atomically: true, encoding: .utf8)
        setenv("SOFTHSM2_CONF", conf.path, 1)
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/softhsm2-util")
        tool.arguments = ["--init-token", "--free", "--label", "bench", "--so-pin", "1234", "--pin", "5678"]
        tool.standardOutput = FileHandle.nullDevice
        try tool.run()
        tool.waitUntilExit()
        let custodian = try PKCS11Custodian(modulePath: module, tokenLabel: "bench", pin: "5678")
        let publicKey = try await custodian.generateKey(label: "bench-key")
        let digest = Hash.sha256(Array("bench".utf8))
        let start = ContinuousClock.now
        for _ in 0..<hsmSignatures {
            let signature = try await custodian.sign(digest: digest, with: KeyReference("bench-key"))
            guard publicKey.isValidSignature(signature, forDigest: digest) else { throw BenchmarkError("HSM signature invalid") }
        }
        return Double(hsmSignatures) / (ContinuousClock.now - start).seconds
    }
}
