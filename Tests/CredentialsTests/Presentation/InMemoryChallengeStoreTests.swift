import Credentials
import Testing

/// The node's challenge store is bounded: unanswered challenges up to a cap, expired ones
/// forgotten first, answered ones forgotten before refusing.
struct InMemoryChallengeStoreTests {
    @Test("a store holding its cap of unanswered challenges refuses another until one expires")
    func capRefusesUntilExpiry() throws {
        let store = InMemoryChallengeStore(lifetime: 1_000, maximumLive: 3)
        let issued = try (0..<3).map { _ in try store.issue(now: 0) }
        #expect(Set(issued).count == 3)
        #expect(throws: CredentialsError(.tooManyChallenges, "")) { try store.issue(now: 500) }
        // Past their lifetime the three are pruned, and three more fit.
        for _ in 0..<3 { _ = try store.issue(now: 2_000) }
        #expect(throws: CredentialsError(.tooManyChallenges, "")) { try store.issue(now: 2_001) }
        #expect(store.consume(issued[0], now: 2_001) == .unknown)
    }

    @Test("an answered challenge frees its place; a replay of it is still refused")
    func answeredChallengeFreesItsPlace() throws {
        let store = InMemoryChallengeStore(lifetime: 1_000, maximumLive: 2)
        let first = try store.issue(now: 0)
        _ = try store.issue(now: 0)
        #expect(store.consume(first, now: 10) == .fresh)
        _ = try store.issue(now: 20)
        #expect(store.consume(first, now: 30) != .fresh)
        #expect(throws: CredentialsError(.tooManyChallenges, "")) { try store.issue(now: 40) }
    }

    @Test("100,000 issue attempts leave at most the cap in memory")
    func manyAttemptsStayBounded() {
        let store = InMemoryChallengeStore(lifetime: 300_000, maximumLive: 1_000)
        var refused = 0
        for index in 0..<100_000 where (try? store.issue(now: Int64(index))) == nil { refused += 1 }
        #expect(refused == 99_000)
        #expect(store.count <= 1_000)
    }
}

/// Challenges under a clock that jumps (specs/credentials.md, clock faults): a jump forward past
/// the lifetime expires them; a jump back does not stretch them, beyond a few seconds of NTP step.
struct ChallengeClockTests {
    @Test("a challenge is fresh within its lifetime and a few seconds of clock step back, and expired after the lifetime or a larger step back")
    func judging() {
        let issued: Int64 = 1_780_000_000_000, lifetime: Int64 = 300_000
        #expect(ChallengeVerdict.judging(issued: issued, now: issued + 60_000, lifetime: lifetime) == .fresh)
        #expect(ChallengeVerdict.judging(issued: issued, now: issued - 3_000, lifetime: lifetime) == .fresh)
        #expect(ChallengeVerdict.judging(issued: issued, now: issued - 3_600_000, lifetime: lifetime) == .expired)
        #expect(ChallengeVerdict.judging(issued: issued, now: issued + 3_600_000, lifetime: lifetime) == .expired)
    }

    @Test("the store expires a challenge when its clock is set back an hour, and answers the next one normally")
    func storeAfterClockSetBack() throws {
        let store = InMemoryChallengeStore()
        let now: Int64 = 1_780_000_000_000
        let challenge = try store.issue(now: now)
        #expect(store.consume(challenge, now: now - 3_600_000) == .expired)
        let next = try store.issue(now: now - 3_600_000)
        #expect(store.consume(next, now: now - 3_600_000 + 1_000) == .fresh)
    }
}
