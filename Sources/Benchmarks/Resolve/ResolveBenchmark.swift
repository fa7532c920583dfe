import Chain
package import Node
import DID
import Foundation
import KeyCustody
import Primitives

/// `didctl bench resolve`: registers `dids` DIDs through real `did.create` transactions (in
/// batches, so memory stays bounded), then measures in-process resolutions per second on all
/// cores, uncached and cached, and the cost of resolving a DID updated `updates` times against
/// one updated once.
package struct ResolveBenchmark: Sendable {
    /// DIDs registered.
    package var dids = 1_000_000
    /// Updates of the much-updated DID.
    package var updates = 1_000
    /// Resolutions measured.
    package var resolutions = 200_000
    /// Where the chain is created.
    package var directory: DataDirectory
    /// Called with a line of progress now and then.
    package var progress: @Sendable (String) -> Void = { _ in }

    /// The figures of one run.
    package struct Result: Codable {
        package var dids: Int
        package var registrationPerSecond: Double
        package var resolutionsPerSecond: Double
        package var cachedResolutionsPerSecond: Double
        package var updates: Int
        package var microsecondsUpdatedOnce: Double
        package var microsecondsUpdatedMany: Double
        package var costRatio: Double
        package var ledgerMegabytes: Double
    }

    /// Creates the benchmark over a fresh data directory; the defaults are the reported settings.
    package init(dids: Int = 1_000_000, updates: Int = 1_000, resolutions: Int = 200_000, directory: DataDirectory,
                 progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.dids = dids
        self.updates = updates
        self.resolutions = resolutions
        self.directory = directory
        self.progress = progress
    }

    /// Creates the chain in `directory`, registers, updates and resolves.
    /// - Returns: the figures.
    /// - Throws: `BenchmarkError` when a registered DID does not resolve as written; the chain's
    ///   errors when a registration is refused.
    package func run() async throws -> Result {
        _ = try ChainBootstrap.create(in: directory, chainId: "bench-resolve")
        let runtime = try NodeRuntime(directory: directory)
        defer { runtime.node.shutdown() }
        let chainId = runtime.genesis.chainId

        var registered: [DID] = []
        registered.reserveCapacity(dids)
        let start = ContinuousClock.now
        let batch = 20_000
        // Signing the next batch overlaps with the node committing the current one.
        var pending: Task<([[UInt8]], [DID]), any Error>? = Task {
            try await createTransactions(count: min(batch, dids), runtime: runtime, chainId: chainId)
        }
        var signed = min(batch, dids)
        while let current = pending {
            let (transactions, batchDIDs) = try await current.value
            let size = min(batch, dids - signed)
            pending = size > 0 ? Task { try await createTransactions(count: size, runtime: runtime, chainId: chainId) } : nil
            signed += size
            try await submit(transactions, node: runtime.node)
            registered += batchDIDs
            progress("  registered \(registered.count)/\(dids) DIDs")
        }
        let registration = Double(dids) / (ContinuousClock.now - start).seconds

        progress("updating one DID \(updates) times…")
        let (once, many) = try await updatedPair(runtime: runtime, chainId: chainId)

        progress("resolving \(resolutions) random DIDs on all cores…")
        let resolver = DIDChancery.Resolver(chainId: chainId, state: runtime.store)
        let sample = (0..<resolutions).map { _ in registered[Int.random(in: 0..<registered.count)] }
        let uncached = try await resolveAll(sample, with: { resolver.resolveNow($0) })
        let cache = CachingResolver(resolver, maxEntries: 1_000, timeToLive: .seconds(60), now: { runtime.clock.nowMilliseconds() })
        let hot = (0..<resolutions).map { sample[$0 % 1_000] }
        let cached = try await resolveAll(hot, with: { did in await cache.resolve(did) })

        progress("comparing a DID updated once with one updated \(updates) times…")
        var onceTimes: [Double] = [], manyTimes: [Double] = []
        for _ in 0..<9 {
            onceTimes.append(try time(resolver, once, expectedVersion: "2"))
            manyTimes.append(try time(resolver, many, expectedVersion: String(updates + 1)))
        }
        let onceMedian = onceTimes.sorted()[4], manyMedian = manyTimes.sorted()[4]
        try runtime.store.checkpoint()
        return Result(dids: dids, registrationPerSecond: registration, resolutionsPerSecond: uncached,
                      cachedResolutionsPerSecond: cached, updates: updates, microsecondsUpdatedOnce: onceMedian,
                      microsecondsUpdatedMany: manyMedian, costRatio: manyMedian / onceMedian,
                      ledgerMegabytes: Double(runtime.store.diskUsage()) / 1_048_576)
    }

    /// `count` signed did.create transactions, each DID with its own inception key; spread over cores.
    private func createTransactions(count: Int, runtime: NodeRuntime, chainId: String) async throws -> ([[UInt8]], [DID]) {
        let chunks = stride(from: 0, to: count, by: 2_500).map { min(2_500, count - $0) }
        return try await withThrowingTaskGroup(of: ([[UInt8]], [DID]).self) { group in
            for size in chunks {
                group.addTask {
                    let keys = try await runtime.oneTimeKeys(count: size)
                    var transactions: [[UInt8]] = [], created: [DID] = []
                    for oneTimeKey in keys {
                        let inception = Secp256k1PrivateKey()
                        let did = try DIDChancery(chainId: chainId, publicKey: inception.publicKey).did
                        let document = try DIDChancery.defaultDocument(for: did, publicKey: inception.publicKey)
                        let operation = try DIDOperation.signed(.create, did: did, document: document, previousVersionId: 0,
                                                                chainId: chainId, privateKey: inception)
                        transactions.append(try Transaction(type: DIDOperation.Kind.create.transactionType, body: operation.body,
                                                            chainId: chainId, oneTimeKey: oneTimeKey).encoded)
                        created.append(did)
                    }
                    return (transactions, created)
                }
            }
            var all: ([[UInt8]], [DID]) = ([], [])
            for try await part in group { all.0 += part.0; all.1 += part.1 }
            return all
        }
    }

    private func submit(_ transactions: [[UInt8]], node: ChainNode) async throws {
        try await ChainLoad.submitAll(transactions, node: node)
    }

    /// Two DIDs: one updated once, one updated `updates` times.
    private func updatedPair(runtime: NodeRuntime, chainId: String) async throws -> (DID, DID) {
        var result: [DID] = []
        for count in [1, updates] {
            let key = Secp256k1PrivateKey()
            let did = try DIDChancery(chainId: chainId, publicKey: key.publicKey).did
            var document = try DIDChancery.defaultDocument(for: did, publicKey: key.publicKey)
            var operations = [try DIDOperation.signed(.create, did: did, document: document, previousVersionId: 0, chainId: chainId,
                                                      privateKey: key)]
            for version in 1...count {
                document.alsoKnownAs = ["urn:chancery:bench:\(version)"]
                operations.append(try DIDOperation.signed(.update, did: did, document: document, previousVersionId: UInt64(version),
                                                          chainId: chainId, privateKey: key))
            }
            let keys = try await runtime.oneTimeKeys(count: operations.count)
            for (operation, oneTimeKey) in zip(operations, keys) {
                _ = try await runtime.node.submit(try Transaction(type: operation.kind.transactionType, body: operation.body,
                                                                  chainId: chainId, oneTimeKey: oneTimeKey))
            }
            result.append(did)
        }
        return (result[0], result[1])
    }

    /// Resolutions per second over `dids`, two workers per core; every result must succeed.
    private func resolveAll(_ dids: [DID], with resolve: @escaping @Sendable (DID) async -> DIDResolutionResult) async throws -> Double {
        let workers = ProcessInfo.processInfo.activeProcessorCount * 2
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    for index in stride(from: worker, to: dids.count, by: workers) {
                        guard await resolve(dids[index]).isSuccess else { throw BenchmarkError("A registered DID failed to resolve.") }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(dids.count) / (ContinuousClock.now - start).seconds
    }

    /// Median µs of 2,000 resolutions of one DID, one thread.
    private func time(_ resolver: DIDChancery.Resolver, _ did: DID, expectedVersion: String) throws -> Double {
        let start = ContinuousClock.now
        for _ in 0..<2_000 {
            guard resolver.resolveNow(did).didDocumentMetadata.versionId == expectedVersion else {
                throw BenchmarkError("\(did) did not resolve to version \(expectedVersion).")
            }
        }
        return (ContinuousClock.now - start).seconds * 1e6 / 2_000
    }
}
