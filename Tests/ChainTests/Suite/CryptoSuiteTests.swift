import Chain
import ChainTestSupport
import Foundation
import KeyCustody
import Primitives
import Testing

/// `specs/chain.md` §9: one chain, one crypto suite. Every hash and signature of the chain layer
/// is the suite's, recomputed here from the primitives; a structure of the other suite is
/// refused by name.
struct CryptoSuiteTests {
    @Test("blocks hash, sign and commit with the suite's algorithms: header hash, Merkle root and proofs, state root, genesis hash",
          arguments: ChainCryptoSuite.all)
    func blockAlgorithms(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let configuration = try chain.genesis.canonicalBytes()
        let transactions = [try await chain.put("one"), try await chain.put("two"), try await chain.put("three")]
        for transaction in transactions { _ = try await chain.node.submit(transaction) }
        let zero = try #require(try chain.store.signedHeader(at: 0))
        let h: ([UInt8]) -> [UInt8] = { suite == .sm ? Hash.sm3($0) : Hash.sha256($0) }
        let th: (String, [UInt8]) -> [UInt8] = { tag, message in h(h(Array(tag.utf8)) + h(Array(tag.utf8)) + message) }
        #expect(zero.header.previousHash == h(configuration))
        #expect(zero.header.transactionsRoot == h([]))
        for height in 0...chain.node.head.height {
            let signed = try #require(try chain.store.signedHeader(at: height))
            #expect(signed.header.suite == suite)
            #expect(signed.hash == th("chancery/block-header/v1", signed.header.encoded))
            #expect(signed.header.proposer == chain.nodeKey.publicKey)
            #expect(signed.header.proposer.count == suite.signature.publicKeyLength)
            // The node signature verifies with the primitive itself, not only through the suite.
            let signature = try #require(signed.signatures.first)
            if suite == .sm {
                #expect(try SM2PublicKey(signature.nodeKey).isValidSignature(try SM2Signature(rawRepresentation: signature.signature),
                                                                             for: signed.hash))
            } else {
                #expect(try Secp256k1XOnlyPublicKey(signature.nodeKey).isValidSchnorrSignature(signature.signature, for: signed.hash))
            }
            let stored = try chain.store.transactions(at: height)
            let ids = stored.map(\.id.bytes)
            #expect(ids == stored.map { h($0.encoded) })
            let tree = MerkleTree(leaves: ids, hashFunction: suite.hash)
            #expect(tree.root == signed.header.transactionsRoot)
            for index in ids.indices {
                let proof = try tree.proof(forLeafAt: index)
                #expect(proof.verify(leaf: ids[index], root: signed.header.transactionsRoot, hashFunction: suite.hash))
                // The other hash function cannot prove the same leaf against this root.
                #expect(!proof.verify(leaf: ids[index], root: signed.header.transactionsRoot,
                                      hashFunction: suite == .sm ? .sha256 : .sm3))
            }
        }
        #expect(chain.node.head.height == 3)
    }

    @Test("a transaction's signature and its one-time key certificate are the suite's scheme over the suite's tagged hashes",
          arguments: ChainCryptoSuite.all)
    func transactionSignatures(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let transaction = try await chain.put("signed")
        let h: ([UInt8]) -> [UInt8] = { suite == .sm ? Hash.sm3($0) : Hash.sha256($0) }
        let th: (String, [UInt8]) -> [UInt8] = { tag, message in h(h(Array(tag.utf8)) + h(Array(tag.utf8)) + message) }
        var certified = ByteWriter()
        certified.string(chain.chainId)
        certified.u64(transaction.epoch)
        certified.raw(transaction.oneTimeKey)
        certified.raw(h(transaction.envelope))
        let certificateMessage = th("chancery/otk-certificate/v1", certified.bytes)
        var signedFields = ByteWriter()
        signedFields.string(chain.chainId)
        signedFields.u8(1)
        signedFields.string("test.put")
        signedFields.bytes(Array("signed".utf8))
        signedFields.u64(transaction.epoch)
        signedFields.raw(transaction.oneTimeKey)
        signedFields.raw(transaction.certificate)
        signedFields.raw(h(transaction.envelope))
        let message = th("chancery/transaction/v1", signedFields.bytes)
        #expect(transaction.envelope.count == suite.envelopeSize)
        if suite == .sm {
            let service = try SM2PublicKey(chain.membershipKey.publicKey), oneTime = try SM2PublicKey(transaction.oneTimeKey)
            #expect(service.isValidSignature(try SM2Signature(rawRepresentation: transaction.certificate), for: certificateMessage))
            #expect(oneTime.isValidSignature(try SM2Signature(rawRepresentation: transaction.signature), for: message))
            #expect(!oneTime.isValidSignature(try SM2Signature(rawRepresentation: transaction.signature), for: certificateMessage))
        } else {
            let service = try Secp256k1XOnlyPublicKey(chain.membershipKey.publicKey)
            #expect(service.isValidSchnorrSignature(transaction.certificate, for: certificateMessage))
            #expect(try Secp256k1XOnlyPublicKey(transaction.oneTimeKey).isValidSchnorrSignature(transaction.signature, for: message))
        }
        // The auditor opens the envelope to the 32- or 33-byte one-time key.
        let envelope = try AuditorEnvelope(opening: transaction.envelope, with: chain.auditorKey)
        #expect(envelope.oneTimeKey == transaction.oneTimeKey)
        #expect(envelope.memberHandle == (try await chain.handle("alice")))
    }

    @Test("a transaction of the other suite is refused by name as wrongCryptoSuite, before its signatures are checked",
          arguments: ChainCryptoSuite.all)
    func otherSuiteTransactionRefused(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let other = try ChainFixture(suite: suite == .sm ? .standard : .sm)
        let foreign = try await other.put("other suite")
        #expect(foreign.chainId == chain.chainId)
        let head = chain.node.head
        #expect(throws: ChainError(.wrongCryptoSuite, "")) { try chain.node.check(foreign) }
        do {
            _ = try await chain.node.submit(encoded: foreign.encoded)
            Issue.record("a transaction of the other suite was accepted")
        } catch let error as ChainError {
            #expect(error.code == .wrongCryptoSuite)
            #expect(error.reason.contains("uses the \(other.suite.name) ") && error.reason.contains("this chain uses \(suite.name) "),
                    "\(error.reason)")
        }
        #expect(chain.node.head == head)
        // The other chain accepts it: the refusal is the suite's, not the transaction's.
        #expect(try await other.node.submit(foreign).height == 1)
    }

    @Test("the membership service refuses to certify one-time keys of the other suite as wrongCryptoSuite",
          arguments: ChainCryptoSuite.all)
    func otherSuiteKeysRefused(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let otherSuite: ChainCryptoSuite = suite == .sm ? .standard : .sm
        let issuer = OneTimeKeyIssuer(chainId: chain.chainId, memberHandle: try await chain.handle("alice"), custodian: chain.custodian,
                                      key: KeyReference("alice"), suite: otherSuite)
        let (_, request) = try await issuer.request(count: 2, epoch: chain.epoch, time: chain.clock.nowMilliseconds())
        #expect(throws: ChainError(.wrongCryptoSuite, "")) { try chain.membershipService.certify(request, now: chain.clock.nowMilliseconds()) }
    }

    @Test("a node key of the other suite cannot open or create a chain", arguments: ChainCryptoSuite.all)
    func otherSuiteNodeKeyRefused(suite: ChainCryptoSuite) throws {
        let chain = try ChainFixture(suite: suite)
        let otherKey = (suite == .sm ? ChainCryptoSuite.standard : .sm).signature.generateKey()
        #expect(throws: ChainError(.wrongCryptoSuite, "")) {
            try ChainNode(store: chain.store, nodeKey: otherKey, clock: chain.clock)
        }
        #expect(throws: ChainError(.wrongCryptoSuite, "")) {
            try ChainNode.create(store: InMemoryBlockStore(), genesis: chain.genesis, nodeKey: otherKey, clock: chain.clock)
        }
    }

    @Test("genesis names the sm suite and no suite for standard, so standard documents keep their bytes; an unknown suite is invalidGenesis")
    func genesisRecordsTheSuite() throws {
        let standard = try ChainFixture(suite: .standard), sm = try ChainFixture(suite: .sm)
        #expect(!String(decoding: try standard.genesis.canonicalBytes(), as: UTF8.self).contains("cryptoSuite"))
        #expect(String(decoding: try sm.genesis.canonicalBytes(), as: UTF8.self).contains(#""cryptoSuite":"sm""#))
        #expect(try standard.genesis.suite() == .standard)
        #expect(try sm.genesis.suite() == .sm)
        #expect(try Genesis(json: try JSONEncoder().encode(sm.genesis)) == sm.genesis)
        var unknown = sm.genesis
        unknown.cryptoSuite = "rot13"
        #expect(throws: ChainError(.invalidGenesis, "")) { try unknown.validate() }
        // A BIP-340 membership-service key does not fit an sm genesis.
        var mixed = sm.genesis
        mixed.membershipService = Hex.encode(standard.membershipKey.publicKey)
        #expect(throws: ChainError(.invalidGenesis, "")) { try mixed.validate() }
    }

    @Test("chain verify names the first block whose header is of another suite than genesis's")
    func verifyRefusesOtherSuiteBlocks() async throws {
        let chain = try ChainFixture(sqlite: true, suite: .sm)
        _ = try await chain.node.submit(try await chain.put("sm"))
        let path = try #require(chain.ledgerPath)
        chain.close()
        // The stored genesis replaced by a standard one of the same chain id; every stored block is sm.
        let standard = try ChainFixture(suite: .standard).genesis
        #expect(standard.chainId == chain.chainId)
        let edited = "UPDATE meta SET value = X'\(Hex.encode(Array(try JSONEncoder().encode(standard))))' WHERE key = 'genesis'; SELECT changes();"
        #expect(try LedgerTamperTests.sqlite(path, edited) == "1")
        let store = try SQLiteBlockStore(path: path)
        #expect(try store.genesis()?.cryptoSuite == nil)
        let report = try ChainVerifier(store: store, handlers: ChainFixture.handlers()).verify()
        #expect(!report.isValid)
        #expect(report.firstBadBlock == 0, "\(report)")
        #expect(report.problem?.contains("uses the sm (SM2/SM3) crypto suite; this chain uses standard") == true, "\(report)")
        let recent = try ChainVerifier(store: store, handlers: ChainFixture.handlers()).verifyRecent(64)
        #expect(recent.firstBadBlock == 1, "\(recent)")
    }
}
