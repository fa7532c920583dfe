import Chain
import ChainTestSupport
import Credentials
import Primitives
import Testing

/// Evidence anchors with status allocation, and status updates read back through the ledger.
struct StatusListLedgerTests {
    /// Anchors a batch of `count` with revocation allocations planned from current state.
    @discardableResult
    func anchor(_ chain: CredentialChain, _ issuer: Identity, count: Int, seed: String) async throws -> [StatusAllocation] {
        let allocations = try chain.ledger.plannedAllocations(issuer: issuer.did, purpose: .revocation, count: count)
        let root = MerkleTree(leaves: (0..<min(count, 8)).map { Array("\(seed)-\($0)".utf8) }).root
        try await chain.submit(.evidenceAnchor, as: issuer,
                               payload: CredentialLedgerPayload.evidenceAnchor(root: root, count: count, allocations: allocations))
        return allocations
    }

    @Test("an anchor records its root and creates the issuer's first list; status bits set by the issuer are read back",
          arguments: [false, true])
    func anchorAndUpdate(sqlite: Bool) async throws {
        let chain = try CredentialChain(sqlite: sqlite)
        let university = try await chain.create("university")
        let leaves = (0..<3).map { Array("credential-\($0)".utf8) }
        let root = MerkleTree(leaves: leaves).root
        let allocations = try chain.ledger.plannedAllocations(issuer: university.did, purpose: .revocation, count: 3)
        let list = "\(university.did)/status/revocation/0"
        #expect(allocations == [StatusAllocation(purpose: .revocation, list: list, from: 0, count: 3)])
        let receipt = try await chain.submit(.evidenceAnchor, as: university,
                                             payload: CredentialLedgerPayload.evidenceAnchor(root: root, count: 3, allocations: allocations))

        let anchor = try #require(try chain.ledger.anchor(root: root))
        #expect(anchor.issuer == university.did && anchor.count == 3)
        #expect(anchor.height == receipt.height && anchor.time == receipt.time && anchor.transaction == receipt.transactionId)
        var record = try #require(try chain.ledger.statusList(id: list))
        #expect(record.allocated == 3 && record.issuer == university.did && record.purpose == .revocation)
        #expect(record.list.count == 131_072)
        #expect(try !record.list.bit(at: 1))

        chain.chain.clock.advance(milliseconds: 1_000)
        try await chain.submit(.statusUpdate, as: university, payload: CredentialLedgerPayload.statusUpdate(list: list, index: 1, value: true, counter: 0))
        record = try #require(try chain.ledger.statusList(id: list))
        #expect(try record.list.bit(at: 1))
        #expect(try !record.list.bit(at: 0) && !record.list.bit(at: 2))
        #expect(record.updated == chain.now)
        #expect(try chain.ledger.plannedAllocations(issuer: university.did, purpose: .revocation, count: 2)
                == [StatusAllocation(purpose: .revocation, list: list, from: 3, count: 2)])
        if sqlite {
            try chain.chain.restart()
            #expect(try chain.ledger.statusList(id: list)?.list.bit(at: 1) == true)
            #expect(try chain.ledger.anchor(root: root)?.count == 3)
        }
    }

    @Test("another DID cannot update an issuer's list, and an unallocated index is refused")
    func updateAuthority() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let mallory = try await chain.create("mallory")
        let list = try await anchor(chain, university, count: 2, seed: "a")[0].list
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.statusUpdate, as: mallory, payload: CredentialLedgerPayload.statusUpdate(list: list, index: 0, value: true, counter: 0))
        }
        await #expect(throws: ChainError(.notFound, "")) {
            try await chain.submit(.statusUpdate, as: university, payload: CredentialLedgerPayload.statusUpdate(list: list, index: 2, value: true, counter: 0))
        }
        await #expect(throws: ChainError(.notFound, "")) {
            try await chain.submit(.statusUpdate, as: university,
                                   payload: CredentialLedgerPayload.statusUpdate(list: "\(university.did)/status/suspension/0", index: 0, value: true, counter: 0))
        }
        #expect(try chain.ledger.statusList(id: list)?.list.bit(at: 0) == false)
        try await chain.submit(.statusUpdate, as: university, payload: CredentialLedgerPayload.statusUpdate(list: list, index: 0, value: true, counter: 0))
        #expect(try chain.ledger.statusList(id: list)?.list.bit(at: 0) == true)
    }

    @Test("a revocation is final, a suspension is lifted")
    func finality() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let revocation = try await anchor(chain, university, count: 1, seed: "a")[0].list
        try await chain.submit(.statusUpdate, as: university, payload: CredentialLedgerPayload.statusUpdate(list: revocation, index: 0, value: true, counter: 0))
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.statusUpdate, as: university, payload: CredentialLedgerPayload.statusUpdate(list: revocation, index: 0, value: false, counter: 1))
        }
        let plan = try chain.ledger.plannedAllocations(issuer: university.did, purpose: .suspension, count: 1)
        try await chain.submit(.evidenceAnchor, as: university, payload: CredentialLedgerPayload.evidenceAnchor(
            root: Hash.sha256(Array("b".utf8)), count: 1, allocations: plan))
        let suspension = plan[0].list
        try await chain.submit(.statusUpdate, as: university, payload: CredentialLedgerPayload.statusUpdate(list: suspension, index: 0, value: true, counter: 0))
        try await chain.submit(.statusUpdate, as: university, payload: CredentialLedgerPayload.statusUpdate(list: suspension, index: 0, value: false, counter: 1))
        #expect(try chain.ledger.statusList(id: suspension)?.list.bit(at: 0) == false)
        #expect(try chain.ledger.statusList(id: revocation)?.list.bit(at: 0) == true)
    }

    @Test("two batches planned from the same state: the second fails clearly instead of overlapping; gaps and early new lists are refused")
    func overlappingAllocation() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        try await anchor(chain, university, count: 5, seed: "first")
        let planA = try chain.ledger.plannedAllocations(issuer: university.did, purpose: .revocation, count: 4)
        let planB = try chain.ledger.plannedAllocations(issuer: university.did, purpose: .revocation, count: 7)
        try await chain.submit(.evidenceAnchor, as: university, payload: CredentialLedgerPayload.evidenceAnchor(
            root: Hash.sha256(Array("A".utf8)), count: 4, allocations: planA))
        let error = await #expect(throws: ChainError(.alreadyExists, "")) {
            try await chain.submit(.evidenceAnchor, as: university, payload: CredentialLedgerPayload.evidenceAnchor(
                root: Hash.sha256(Array("B".utf8)), count: 7, allocations: planB))
        }
        #expect(error?.reason.contains("next free index is 9") == true, "\(String(describing: error))")
        #expect(try chain.ledger.anchor(root: Hash.sha256(Array("B".utf8))) == nil)
        #expect(try chain.ledger.statusList(id: planA[0].list)?.allocated == 9)
        let gap = [StatusAllocation(purpose: .revocation, list: planA[0].list, from: 10, count: 1)]
        await #expect(throws: ChainError(.alreadyExists, "")) {
            try await chain.submit(.evidenceAnchor, as: university, payload: CredentialLedgerPayload.evidenceAnchor(
                root: Hash.sha256(Array("C".utf8)), count: 1, allocations: gap))
        }
        let skipped = [StatusAllocation(purpose: .revocation, list: "\(university.did)/status/revocation/1", from: 0, count: 1)]
        await #expect(throws: ChainError(.alreadyExists, "")) {
            try await chain.submit(.evidenceAnchor, as: university, payload: CredentialLedgerPayload.evidenceAnchor(
                root: Hash.sha256(Array("D".utf8)), count: 1, allocations: skipped))
        }
        #expect(try chain.ledger.statusList(id: planA[0].list)?.allocated == 9)
    }

    @Test("a root anchored twice is refused, and lists are only allocated to their own issuer")
    func duplicateRootAndForeignList() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let mallory = try await chain.create("mallory")
        try await anchor(chain, university, count: 1, seed: "same")
        await #expect(throws: ChainError(.alreadyExists, "")) { try await anchor(chain, university, count: 1, seed: "same") }
        await #expect(throws: ChainError(.alreadyExists, "")) { try await anchor(chain, mallory, count: 1, seed: "same") }
        let foreign = try chain.ledger.plannedAllocations(issuer: university.did, purpose: .revocation, count: 1)
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.evidenceAnchor, as: mallory, payload: CredentialLedgerPayload.evidenceAnchor(
                root: Hash.sha256(Array("m".utf8)), count: 1, allocations: foreign))
        }
    }

    @Test("a batch larger than the rest of a list continues in a new list")
    func spanningLists() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        try await anchor(chain, university, count: 131_000, seed: "big")
        let plan = try await anchor(chain, university, count: 100, seed: "next")
        #expect(plan.map(\.from) == [131_000, 0] && plan.map(\.count) == [72, 28])
        #expect(plan[1].list.hasSuffix("/status/revocation/1"))
        #expect(try chain.ledger.statusList(id: plan[0].list)?.allocated == 131_072)
        #expect(try chain.ledger.statusList(id: plan[1].list)?.allocated == 28)
        #expect(throws: CredentialsError(.invalidLedgerRequest, "")) {
            try chain.ledger.plannedAllocations(issuer: university.did, purpose: .message, count: 1)
        }
    }
}
