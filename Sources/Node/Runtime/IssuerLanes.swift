/// One lane per issuer: work entered for an issuer runs one at a time, in arrival order, while
/// other issuers' work runs in parallel. A node plans each batch's status allocation from
/// committed state and anchors it before the next batch of that issuer plans, so its own
/// concurrent requests never race for the same indexes (`specs/credentials.md` §5.6).
package actor IssuerLanes {
    // A key is present while its lane is busy; its array holds the waiters in arrival order.
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// No lane busy.
    package init() {}

    /// Runs `work` alone in `issuer`'s lane.
    /// - Returns: what `work` returns.
    /// - Throws: what `work` throws; the lane is released either way.
    package nonisolated func run<Result>(_ issuer: String, _ work: () async throws -> sending Result) async rethrows -> sending Result {
        await enter(issuer)
        do {
            let result = try await work()
            await leave(issuer)
            return result
        } catch {
            await leave(issuer)
            throw error
        }
    }

    private func enter(_ issuer: String) async {
        guard waiting[issuer] != nil else {
            waiting[issuer] = []
            return
        }
        await withCheckedContinuation { waiting[issuer, default: []].append($0) }
    }

    private func leave(_ issuer: String) {
        guard var queue = waiting[issuer], !queue.isEmpty else {
            waiting[issuer] = nil
            return
        }
        let next = queue.removeFirst()
        waiting[issuer] = queue
        // The lane passes straight to the next waiter, so no newcomer can overtake it.
        next.resume()
    }
}
