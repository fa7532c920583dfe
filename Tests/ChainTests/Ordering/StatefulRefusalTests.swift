import Chain
import ChainTestSupport
import KeyCustody
import Primitives
import Testing

/// `specs/chain.md` §2.5 steps 5-7, applied by the block builder in order.
struct StatefulRefusalTests {
    @Test("a key of an epoch two epochs back is refused as expiredEpoch; one back is still accepted")
    func expiredEpoch() async throws {
        let chain = try ChainFixture(epochSeconds: 10)
        let keys = try await chain.oneTimeKeys("alice", count: 2)
        chain.clock.advance(milliseconds: 10_000)
        let receipt = try await chain.node.submit(try Transaction(type: "test.put", body: Array("late".utf8),
                                                                  chainId: chain.chainId, oneTimeKey: keys[0]))
        #expect(receipt.height == 1)
        chain.clock.advance(milliseconds: 10_000)
        let expired = try Transaction(type: "test.put", body: Array("too late".utf8), chainId: chain.chainId, oneTimeKey: keys[1])
        await #expect(throws: ChainError(.expiredEpoch, "")) { try await chain.node.submit(expired) }
        #expect(chain.node.head.height == 1)
        #expect(try chain.store.value(namespace: ChainNamespace.spentKeys, key: keys[1].publicKey) == nil)
        #expect(try chain.store.value(namespace: "test", key: Hash.sha256(Array("too late".utf8))) == nil)
    }

    @Test("a key certified for the next epoch is refused as futureEpoch until that epoch starts")
    func futureEpoch() async throws {
        let chain = try ChainFixture(epochSeconds: 10)
        let later = chain.clock.nowMilliseconds() + 10_000
        let (keys, request) = try await chain.request("alice", count: 1, epoch: chain.epoch + 1, time: later)
        let issued = try chain.membershipService.certify(request, now: later)
        let credential = OneTimeKeyIssuer.credentials(keys: keys, epoch: request.epoch, issued: issued)[0]
        let early = try Transaction(type: "test.put", body: Array("early".utf8), chainId: chain.chainId, oneTimeKey: credential)
        await #expect(throws: ChainError(.futureEpoch, "")) { try await chain.node.submit(early) }
        #expect(chain.node.head.height == 0)
        chain.clock.advance(milliseconds: 10_000)
        #expect(try await chain.node.submit(early).height == 1)
    }

    @Test("a second transaction signed with a used one-time key, and a replay, are refused as spentOneTimeKey")
    func spentKey() async throws {
        let chain = try ChainFixture()
        let key = try await chain.oneTimeKeys("alice", count: 1)[0]
        let first = try Transaction(type: "test.put", body: Array("first".utf8), chainId: chain.chainId, oneTimeKey: key)
        let second = try Transaction(type: "test.put", body: Array("second".utf8), chainId: chain.chainId, oneTimeKey: key)
        _ = try await chain.node.submit(first)
        #expect(try chain.store.value(namespace: ChainNamespace.spentKeys, key: key.publicKey) != nil)
        let head = chain.node.head
        await #expect(throws: ChainError(.spentOneTimeKey, "")) { try await chain.node.submit(second) }
        await #expect(throws: ChainError(.spentOneTimeKey, "")) { try await chain.node.submit(first) }
        #expect(chain.node.head == head)
        #expect(try chain.store.value(namespace: "test", key: Hash.sha256(Array("second".utf8))) == nil)
    }

    @Test("two transactions with one key in the same block: exactly one is committed")
    func spentKeyWithinBlock() async throws {
        var configuration = ChainNode.Configuration()
        configuration.maximumBatch = 2
        configuration.maximumDelayMilliseconds = 10_000
        configuration.idleGapMicroseconds = 10_000_000
        let chain = try ChainFixture(configuration: configuration)
        let key = try await chain.oneTimeKeys("alice", count: 1)[0]
        let transactions = try ["one", "two"].map {
            try Transaction(type: "test.put", body: Array($0.utf8), chainId: chain.chainId, oneTimeKey: key)
        }
        let outcomes = await withTaskGroup(of: ChainError.Code?.self) { group in
            for transaction in transactions {
                group.addTask {
                    do { _ = try await chain.node.submit(transaction); return nil } catch { return (error as? ChainError)?.code }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == nil }.count == 1)
        #expect(outcomes.contains(.spentOneTimeKey))
        #expect(chain.node.head.height == 1)
        #expect(chain.node.head.transactionCount == 1)
    }

    @Test("a handler's refusal is returned as its code while the rest of the batch commits")
    func handlerRefusalInBatch() async throws {
        var configuration = ChainNode.Configuration()
        configuration.maximumBatch = 3
        configuration.maximumDelayMilliseconds = 10_000
        configuration.idleGapMicroseconds = 10_000_000
        let chain = try ChainFixture(configuration: configuration)
        let transactions = [try await chain.put("keep one"), try await chain.put("refuse this"), try await chain.put("keep two")]
        let results = await withTaskGroup(of: (Int, Result<TransactionReceipt, ChainError>).self) { group in
            for (index, transaction) in transactions.enumerated() {
                group.addTask {
                    do { return (index, .success(try await chain.node.submit(transaction))) } catch {
                        return (index, .failure(error as? ChainError ?? ChainError(.storageFailure, "\(error)")))
                    }
                }
            }
            return await group.reduce(into: [Int: Result<TransactionReceipt, ChainError>]()) { $0[$1.0] = $1.1 }
        }
        #expect(throws: ChainError(.unauthorized, "")) { try results[1]?.get() }
        let kept = try [0, 2].map { try #require(results[$0]).get() }
        #expect(kept.allSatisfy { $0.height == 1 })
        #expect(Set(kept.map(\.index)) == [0, 1])
        #expect(chain.node.head.transactionCount == 2)
        #expect(try chain.store.value(namespace: "test", key: Hash.sha256(Array("keep two".utf8))) == Array("keep two".utf8))
        #expect(try chain.store.value(namespace: "test", key: Hash.sha256(Array("refuse this".utf8))) == nil)
        #expect(try chain.store.value(namespace: ChainNamespace.spentKeys, key: transactions[1].oneTimeKey) == nil)
        #expect(try chain.store.location(of: transactions[1].id) == nil)
    }

    @Test("a batch in which every transaction is refused writes no block")
    func nothingAccepted() async throws {
        let chain = try ChainFixture()
        let refused = try await chain.put("refuse all")
        await #expect(throws: ChainError(.unauthorized, "")) { try await chain.node.submit(refused) }
        #expect(chain.node.head.height == 0)
        #expect(try chain.store.head()?.header.height == 0)
        #expect(try await chain.node.submit(try await chain.put("after")).height == 1)
    }
}
