import Chain
import Dispatch
import Foundation
import KeyCustody
import Primitives

extension AuditBenchmark {
    /// An in-memory chain like the test fixture's (one committee member, a membership service,
    /// an auditor, eight members) holding `chain.anchor` transactions in blocks of a given size;
    /// building it is not timed, only following it.
    struct Ledger {
        static let genesisTime: UInt64 = 1_763_712_000_000
        static let members = 8
        static let keysPerRequest = 500

        let store = InMemoryBlockStore()
        let auditorKey = X25519PrivateKey()
        let transactionCount: Int
        let blocks: Int

        init(transactions: Int, perBlock: Int) async throws {
            let membershipKey = SignatureScheme.bip340.generateKey(), nodeKey = SignatureScheme.bip340.generateKey()
            let memberKeys = (0..<Self.members).map { _ in Secp256k1PrivateKey() }
            let sealing = auditorKey.publicKey
            let genesis = Genesis(
                chainId: "bench-audit", time: Self.genesisTime,
                committee: [CommitteeMember(id: "c0", publicKey: Hex.encode(Secp256k1PrivateKey().publicKey.compressedRepresentation))],
                threshold: 1, membershipService: Hex.encode(membershipKey.publicKey),
                auditors: [AuditorRecord(id: "auditor", encryptionKey: Hex.encode(auditorKey.publicKey.rawRepresentation),
                                         signingKey: Hex.encode(Secp256k1PrivateKey().publicKey.compressedRepresentation))],
                nodes: [Hex.encode(nodeKey.publicKey)],
                members: try memberKeys.enumerated().map { try MemberRecord(
                    profile: MemberProfile(name: "member\($0.offset)", publicKey: $0.element.publicKey), custody: "partial",
                    sealedTo: sealing, epoch: 0) })
            // Through the node's own orderer, so only the public API is used: a block closes once
            // it holds `perBlock` transactions or, for the last one, after a short idle gap.
            let clock = ManualClock(Self.genesisTime)
            var configuration = ChainNode.Configuration()
            configuration.maximumBatch = perBlock
            configuration.maximumDelayMilliseconds = 60_000
            configuration.idleGapMicroseconds = 50_000
            let node = try ChainNode.create(store: store, genesis: genesis, nodeKey: nodeKey, clock: clock, configuration: configuration)
            defer { node.shutdown() }
            let service = MembershipService(chainId: genesis.chainId, key: membershipKey, auditorKey: auditorKey.publicKey,
                                            schedule: EpochSchedule(epochSeconds: genesis.epochSeconds), members: store)
            let epoch = EpochSchedule(epochSeconds: genesis.epochSeconds).epoch(atMilliseconds: Self.genesisTime)
            let signed = try Self.transactions(transactions, chainId: genesis.chainId, epoch: epoch, service: service,
                                               memberKeys: memberKeys)
            for start in stride(from: 0, to: signed.count, by: perBlock) {
                clock.advance(milliseconds: 1_000)
                let candidates = Array(signed[start..<min(start + perBlock, signed.count)])
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for transaction in candidates { group.addTask { _ = try await node.submit(transaction) } }
                    try await group.waitForAll()
                }
            }
            blocks = Int(node.height)
            transactionCount = signed.count
        }

        /// Certified, signed anchor transactions, made across all cores one request at a time.
        private static func transactions(_ count: Int, chainId: String, epoch: UInt64, service: MembershipService,
                                         memberKeys: [Secp256k1PrivateKey]) throws -> [Transaction] {
            let requests = (count + keysPerRequest - 1) / keysPerRequest
            let slots = Slots(count: requests)
            DispatchQueue.concurrentPerform(iterations: requests) { request in
                let size = min(keysPerRequest, count - request * keysPerRequest)
                slots.set(request, Swift.Result { try batch(size, chainId: chainId, epoch: epoch, service: service, memberKey: memberKeys[request % members]) })
            }
            return try slots.values.flatMap { try $0.get() }
        }

        private static func batch(_ size: Int, chainId: String, epoch: UInt64, service: MembershipService,
                                  memberKey: Secp256k1PrivateKey) throws -> [Transaction] {
            let keys = (0..<size).map { _ in SignatureScheme.bip340.generateKey() }
            let handle = MemberHandle(publicKey: memberKey.publicKey), publicKeys = keys.map(\.publicKey)
            let digest = OneTimeKeyRequest.digest(chainId: chainId, memberHandle: handle, epoch: epoch, requestTime: genesisTime,
                                                  oneTimeKeys: publicKeys)
            let request = OneTimeKeyRequest(memberHandle: handle, memberKey: memberKey.publicKey.compressedRepresentation, epoch: epoch, requestTime: genesisTime, oneTimeKeys: publicKeys,
                                            signature: try memberKey.signature(forDigest: digest).compactRepresentation)
            let issued = try service.certify(request, now: genesisTime)
            return try OneTimeKeyIssuer.credentials(keys: keys, epoch: epoch, issued: issued).map { credential in
                try Transaction(type: AnchorHandler.transactionType, body: AnchorHandler.body(digest: SecureRandom.bytes(count: 32)),
                                chainId: chainId, oneTimeKey: credential)
            }
        }

        /// One result per request, filled by concurrent workers.
        private final class Slots: @unchecked Sendable {
            private let lock = NSLock()
            private var slots: [Swift.Result<[Transaction], any Error>?]
            init(count: Int) { slots = Array(repeating: nil, count: count) }
            func set(_ index: Int, _ value: Swift.Result<[Transaction], any Error>) { lock.withLock { slots[index] = value } }
            var values: [Swift.Result<[Transaction], any Error>] { lock.withLock { slots.map { $0! } } }
        }
    }
}
