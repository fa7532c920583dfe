import Foundation

/// One libFuzzer harness: a parser or reader that takes hostile bytes, and the checks it must
/// pass on every input (no trap, no hang, and the properties each harness states).
///
/// The fuzz executables (`Fuzz/Targets`, built with `-sanitize=fuzzer`) and the replay test
/// (`FuzzReplayTests`, in `make test`) call the same ``run(_:)``, so a corpus or crash input
/// kept in `Tests/FuzzCorpus/<rawValue>/` replays exactly as the fuzzer ran it.
///
/// ```swift
/// await FuzzHarness.json.run(Array("{\"a\":1}".utf8))
/// ```
public enum FuzzHarness: String, CaseIterable, Sendable {
    /// The chain's wire decoders: transactions, block headers and the binary and JSON bodies
    /// the chain itself reads (governance approvals, delegations, audit requests).
    case transaction
    /// The strict I-JSON parser and the RFC 8785 (JCS) canonicalizer.
    case json
    /// Credentials as a verifier receives them: JWT, SD-JWT, Data Integrity and enveloped
    /// forms, through the chainless verifier (did:key issuers).
    case credential
    /// Presentations as a verifier receives them, with a challenge and a domain.
    case presentation
    /// DID and DID URL syntax, did:key identifiers and DID documents.
    case did
    /// The JSON Schema subset of CPTs: parsing a schema and validating an instance with it.
    case schema
    /// The partial-custody keystore file reader.
    case keystore
    /// The vault node's share file reader, behind its MAC.
    case vaultShare = "vault-share"

    /// Runs one input through the harness; returns normally for every input the product
    /// handles, traps on a bug (which the fuzzer records as a crash).
    /// - Parameter input: The hostile bytes.
    public func run(_ input: [UInt8]) async {
        switch self {
        case .transaction: TransactionHarness.run(input)
        case .json: JSONHarness.run(input)
        case .credential: await CredentialHarness.run(input)
        case .presentation: await PresentationHarness.run(input)
        case .did: DIDHarness.run(input)
        case .schema: SchemaHarness.run(input)
        case .keystore: KeystoreHarness.run(input)
        case .vaultShare: VaultShareHarness.run(input)
        }
    }

    /// ``run(_:)`` for libFuzzer's synchronous callback, on a thread outside the cooperative
    /// pool.
    /// - Parameter input: The hostile bytes.
    public func runBlocking(_ input: [UInt8]) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await run(input)
            done.signal()
        }
        done.wait()
    }
}
