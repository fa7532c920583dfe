import Chain
import DID
import Foundation
import Node
import Primitives

/// The transactions of a scale run from index `firstIndex` on: `did.create`s while DIDs remain
/// to register (each DID offered to the sample), anchors of a registration's size after. Signed
/// in chunks of 10,000 just before they are submitted, so the run holds one chunk at a time.
struct ScaleTransactions {
    let runtime: NodeRuntime
    let chainId: String
    let firstIndex: Int
    let didsToRegister: Int
    let sample: DIDSample
    static let chunk = 10_000

    /// Submits `count` transactions as fast as the node takes them (2,048 in flight).
    /// - Returns: the seconds spent submitting (signing excluded), and the orderer's work in
    ///   those seconds only (its counters' growth across each chunk's submission).
    func submitFast(count: Int, node: ChainNode, progress: @Sendable (String) -> Void) async throws -> (seconds: Double, writer: OrdererStatistics) {
        var seconds = 0.0
        var writer = OrdererStatistics()
        for start in stride(from: 0, to: count, by: Self.chunk) {
            let signed = try await sign(from: firstIndex + start, count: min(Self.chunk, count - start))
            let before = node.statistics
            let begin = ContinuousClock.now
            try await ChainLoad.submitAll(signed, node: node)
            seconds += (ContinuousClock.now - begin).seconds
            let after = node.statistics
            writer.blocks += after.blocks - before.blocks
            writer.transactions += after.transactions - before.transactions
            writer.buildSeconds += after.buildSeconds - before.buildSeconds
            writer.storeSeconds += after.storeSeconds - before.storeSeconds
            if (start / Self.chunk) % 10 == 9 { progress("  \(firstIndex + start + signed.count) committed") }
        }
        return (seconds, writer)
    }

    /// Offers `count` transactions from index `from` at `rate` per second, open loop.
    /// - Returns: each one's confirmation time in ms, from its scheduled release.
    func offerSteady(count: Int, from index: Int, rate: Int, node: ChainNode) async throws -> [Double] {
        guard count > 0 else { return [] }
        return try await ChainLoad.offer(try await sign(from: index, count: count), rate: rate, node: node)
    }

    /// Transactions `index ..< index + count`, signed over all cores in parts of 2,500.
    private func sign(from index: Int, count: Int) async throws -> [[UInt8]] {
        let parts = stride(from: 0, to: count, by: 2_500).map { (index + $0, min(2_500, count - $0)) }
        let runtime = self.runtime, chainId = self.chainId, dids = self.didsToRegister, sample = self.sample
        return try await withThrowingTaskGroup(of: (Int, [[UInt8]]).self) { group in
            for (first, size) in parts {
                group.addTask {
                    let keys = try await runtime.oneTimeKeys(count: size)
                    return (first, try keys.enumerated().map { offset, oneTimeKey in
                        guard first + offset < dids else {
                            return try Transaction(type: AnchorHandler.transactionType,
                                                   body: AnchorHandler.body(digest: SecureRandom.bytes(count: 32), memo: Array(repeating: 0x61, count: 222)),
                                                   chainId: chainId, oneTimeKey: oneTimeKey).encoded
                        }
                        let inception = Secp256k1PrivateKey()
                        let did = try DIDChancery(chainId: chainId, publicKey: inception.publicKey).did
                        let document = try DIDChancery.defaultDocument(for: did, publicKey: inception.publicKey)
                        let operation = try DIDOperation.signed(.create, did: did, document: document, previousVersionId: 0,
                                                                chainId: chainId, privateKey: inception)
                        sample.offer(did)
                        return try Transaction(type: DIDOperation.Kind.create.transactionType, body: operation.body,
                                               chainId: chainId, oneTimeKey: oneTimeKey).encoded
                    })
                }
            }
            var parts: [Int: [[UInt8]]] = [:]
            for try await (first, signed) in group { parts[first] = signed }
            return parts.keys.sorted().flatMap { parts[$0]! }
        }
    }
}
