import Dispatch
import Foundation
import KeyCustody
import Primitives

extension AuditBenchmark {
    /// An in-memory chain like the test fixture's (one committee member, a membership service,
    /// an auditor, eight members) holding `chain.anchor` transactions, built block by block
    /// without an orderer so that only the index is timed.
    struct Ledger {
        static let genesisTime: UInt64 = 1_763_712_000_000
        static let members = 8
        static let keysPerRequest = 500

        let store = InMemoryBlockStore()
        let auditorKey = X25519PrivateKey()
        let transactionCount: Int
        let blocks: Int

        init(transactions: Int, perBlock: Int) throws {
            let membershipKey = Secp256k1PrivateKey(), nodeKey = Secp256k1PrivateKey()
            let memberKeys = (0..<Self.members).map { _ in Secp256k1PrivateKey() }
            let sealing = auditorKey.publicKey
            let genesis = Genesis(
                chainId: "bench-audit", time: Self.genesisTime,
                committee: [CommitteeMember(id: "c0", publicKey: Hex.encode(Secp256k1PrivateKey().publicKey.compressedRepresentation))],
                threshold: 1, membershipService: Hex.encode(membershipKey.publicKey.xOnly.rawRepresentation),
                auditors: [AuditorRecord(id: "auditor", encryptionKey: Hex.encode(auditorKey.publicKey.rawRepresentation),
                                         signingKey: Hex.encode(Secp256k1PrivateKey().publicKey.compressedRepresentation))],
                nodes: [Hex.encode(nodeKey.publicKey.xOnly.rawRepresentation)],
                members: try memberKeys.enumerated().map { try MemberRecord(
                    profile: MemberProfile(name: "member\($0.offset)", publicKey: $0.element.publicKey), custody: "partial",
                    sealedTo: sealing, epoch: 0) })
            try ChainNode.create(store: store, genesis: genesis, nodeKey: nodeKey, clock: ManualClock(Self.genesisTime)).shutdown()
            let service = MembershipService(chainId: genesis.chainId, key: membershipKey, auditorKey: auditorKey.publicKey,
                                            schedule: EpochSchedule(epochSeconds: genesis.epochSeconds), members: store)
            let epoch = EpochSchedule(epochSeconds: genesis.epochSeconds).epoch(atMilliseconds: Self.genesisTime)
            let signed = try Self.transactions(transactions, chainId: genesis.chainId, epoch: epoch, service: service,
                                               memberKeys: memberKeys)
            let builder = BlockBuilder(applier: TransactionApplier(genesis: genesis, handlers: .chainDefaults()), nodeKey: nodeKey)
            var previous = try store.head()!.header
            var blocks = 0
            for start in stride(from: 0, to: signed.count, by: perBlock) {
                let candidates = Array(signed[start..<min(start + perBlock, signed.count)])
                let time = previous.time + 1_000
                let block = try store.append(genesis: nil) { [previous] reader in
                    let built = try builder.build(after: previous, candidates: candidates, time: time, reader: reader)
                    return (built.block, built.writes)
                }
                previous = block.signedHeader.header
                blocks += 1
            }
            transactionCount = signed.count
            self.blocks = blocks
        }

        /// Certified, signed anchor transactions, made across all cores one request at a time.
        private static func transactions(_ count: Int, chainId: String, epoch: UInt64, service: MembershipService,
                                         memberKeys: [Secp256k1PrivateKey]) throws -> [Transaction] {
            let requests = (count + keysPerRequest - 1) / keysPerRequest
            let slots = ConcurrentSlots<Swift.Result<[Transaction], any Error>>(count: requests)
            DispatchQueue.concurrentPerform(iterations: requests) { request in
                let size = min(keysPerRequest, count - request * keysPerRequest)
                slots.set(request, Swift.Result { try batch(size, chainId: chainId, epoch: epoch, service: service, memberKey: memberKeys[request % members]) })
            }
            return try slots.values.flatMap { try $0.get() }
        }

        private static func batch(_ size: Int, chainId: String, epoch: UInt64, service: MembershipService,
                                  memberKey: Secp256k1PrivateKey) throws -> [Transaction] {
            let keys = (0..<size).map { _ in Secp256k1PrivateKey() }
            let handle = MemberHandle(publicKey: memberKey.publicKey), publicKeys = keys.map { $0.publicKey.xOnly.rawRepresentation }
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
    }
}
