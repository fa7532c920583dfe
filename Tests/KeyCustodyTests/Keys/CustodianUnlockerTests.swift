import Foundation
import KeyCustody
import Primitives
import Synchronization
import Testing

/// Unlocking a keystore runs Argon2id: a node opens each account's custodian once however many
/// requests ask at the same time, and does not run it again at once after a wrong password.
struct CustodianUnlockerTests {
    /// Opens a real keystore (cheap Argon2id cost) and counts the openings, each one Argon2id run.
    // @unchecked: the keystore fixture is only read after init (its file is opened, never changed).
    final class CountingOpener: @unchecked Sendable {
        let keystore: TemporaryKeystore
        let password: Mutex<String>
        let runs = Atomic<Int>(0)

        init(password: String = TemporaryKeystore.password) throws {
            keystore = try TemporaryKeystore()
            let custodian = try keystore.create()
            _ = try custodian.generateKey(name: "issuer")
            self.password = Mutex(password)
        }

        func open(_ account: String) async throws -> (custodian: any KeyCustodian, key: KeyReference) {
            runs.add(1, ordering: .relaxed)
            // Held a moment, as 256 MiB of Argon2id would be, so the concurrent callers overlap.
            try await Task.sleep(for: .milliseconds(200))
            let custodian = try keystore.open(password: password.withLock { $0 })
            return (custodian, KeyReference(account))
        }
    }

    /// A clock the test moves.
    final class TestClock: Sendable {
        let seconds = Mutex<TimeInterval>(1_000_000)
        var now: Date { Date(timeIntervalSince1970: seconds.withLock { $0 }) }
        func advance(_ by: TimeInterval) { seconds.withLock { $0 += by } }
    }

    @Test("six concurrent first requests for one account run Argon2id once and all get the custodian")
    func concurrentCallersShareOneUnlock() async throws {
        let opener = try CountingOpener(), clock = TestClock()
        let unlocker = CustodianUnlocker(clock: { clock.now }, open: opener.open)
        let keys = try await withThrowingTaskGroup(of: KeyReference.self) { group in
            for _ in 0..<6 { group.addTask { try await unlocker.custody(of: "university").key } }
            var keys: [KeyReference] = []
            for try await key in group { keys.append(key) }
            return keys
        }
        #expect(keys.count == 6 && Set(keys.map(\.description)) == ["university"])
        #expect(opener.runs.load(ordering: .relaxed) == 1)
        _ = try await unlocker.custody(of: "university")
        #expect(opener.runs.load(ordering: .relaxed) == 1)
    }

    @Test("a kept custodian that no longer describes the account is unlocked again; a current one is kept")
    func staleCustodyIsOpenedAgain() async throws {
        let opener = try CountingOpener(), clock = TestClock()
        let unlocker = CustodianUnlocker(clock: { clock.now }, open: opener.open)
        _ = try await unlocker.custody(of: "university", isCurrent: { _ in true })
        _ = try await unlocker.custody(of: "university", isCurrent: { _ in true })
        #expect(opener.runs.load(ordering: .relaxed) == 1)
        _ = try await unlocker.custody(of: "university", isCurrent: { _ in false })
        #expect(opener.runs.load(ordering: .relaxed) == 2)
        _ = try await unlocker.custody(of: "university")
        #expect(opener.runs.load(ordering: .relaxed) == 2)
    }

    @Test("after a wrong password an immediate retry is refused as locked out, with a retry time, without running Argon2id; the wait doubles")
    func backOffAfterFailure() async throws {
        let opener = try CountingOpener(password: "wrong"), clock = TestClock()
        let policy = VaultLockoutPolicy(maxConsecutiveFailures: 1, baseDelay: 1, maxDelay: 300)
        let unlocker = CustodianUnlocker(clock: { clock.now }, policy: policy, open: opener.open)
        await #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try await unlocker.custody(of: "university") }
        #expect(opener.runs.load(ordering: .relaxed) == 1)
        let refused = await #expect(throws: KeyCustodyError(.lockedOut, "")) { try await unlocker.custody(of: "university") }
        #expect(opener.runs.load(ordering: .relaxed) == 1)
        #expect(refused?.retryAfter.map { $0 > .zero && $0 <= .seconds(1) } == true)
        clock.advance(1.5)
        await #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try await unlocker.custody(of: "university") }
        #expect(opener.runs.load(ordering: .relaxed) == 2)
        clock.advance(1.5)
        let second = await #expect(throws: KeyCustodyError(.lockedOut, "")) { try await unlocker.custody(of: "university") }
        #expect(second?.retryAfter.map { $0 > .seconds(0.4) && $0 <= .seconds(2) } == true)
        // The right password after the wait opens it and clears the count.
        opener.password.withLock { $0 = TemporaryKeystore.password }
        clock.advance(1)
        _ = try await unlocker.custody(of: "university")
        #expect(opener.runs.load(ordering: .relaxed) == 3)
    }
}
