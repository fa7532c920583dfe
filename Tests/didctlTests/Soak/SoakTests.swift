import Foundation
import Testing

/// The long parts of the reliability suite (`make soak`, README "Reliability"): mixed load over
/// HTTP at half the measured capacity for `CHANCERY_SOAK_SECONDS` (600 in `make soak`), then
/// three times capacity and back. Not in `make test`: the overload saturates both cores for
/// half a minute, which would starve the tests running beside it.
struct SoakTests {
    static let seconds = ProcessInfo.processInfo.environment["CHANCERY_SOAK_SECONDS"].flatMap(Double.init)

    @Test("soak: half capacity for CHANCERY_SOAK_SECONDS answers only as expected, RSS (and RSS outside SQLite's page caches) stays within 10% of warm, p99 of each kind within 50% first vs last minute; overload at 3x capacity is shed with 429/503 and Retry-After while /healthz answers, and the full rate returns within 5 s",
          .enabled(if: seconds != nil, "set CHANCERY_SOAK_SECONDS (make soak)"))
    func soakThenOverload() async throws {
        let duration = try #require(Self.seconds)
        let soak = try await SoakNode(connections: 100)
        let load = SoakLoad(client: soak.client)
        do {
            try await soak.client.prime()
            let capacity = await load.capacity(workers: 32, seconds: 20)
            let rate = capacity / 2
            print("soak: capacity \(Int(capacity)) requests/s for the mix; soaking at \(Int(rate))/s for \(Int(duration)) s")

            // The soak, RSS sampled each second once warm.
            let record = SoakRecord()
            let samples = RSSSamples()
            // The first quarter warms up: long enough for the bounded caches (SQLite's, the
            // resolver's, sessions) to fill at this rate, so that growth after it is what counts.
            let warm = duration / 4
            let pid = soak.node.process.processIdentifier
            let client = soak.client
            let warmSQLite = Locked<Double?>(nil)
            await load.run(rate: rate, seconds: duration, maxInFlight: 1_000, record: record, every: 1) { now in
                samples.add(now, SoakNode.residentMiB(pid: pid))
                if now >= warm, warmSQLite.value == nil { warmSQLite.value = .nan; Task { warmSQLite.value = try? await client.sqliteMiB() } }
            }
            let warmRSS = samples.first(after: warm), endRSS = SoakNode.residentMiB(pid: pid)
            let endSQLite = try await soak.client.sqliteMiB(), startSQLite = warmSQLite.value ?? .nan
            let minute = min(60, duration / 4)
            print(String(format: "soak: RSS %.1f MiB after %.0f s warm-up, %.1f MiB at the end (%+.1f%%)", warmRSS, warm, endRSS,
                         (endRSS / warmRSS - 1) * 100))
            // SQLite's page caches are bounded (here 4 MiB for the ledger's writer, 512 KiB per
            // reader: `--ledger-cache-mib 4`, SoakNode) and fill during the warm-up; RSS at the
            // end is compared with RSS after it, and so is what lies outside those caches.
            let warmOther = warmRSS - startSQLite, endOther = endRSS - endSQLite
            print(String(format: "soak: of which SQLite %.1f MiB after warm-up, %.1f MiB at the end; the rest %.1f -> %.1f MiB (%+.1f%%)",
                         startSQLite, endSQLite, warmOther, endOther, (endOther / warmOther - 1) * 100))
            let answers = record.all
            let slices = 10
            let profile = (0..<slices).map { slice in
                Int(SoakRecord.quantile(record.window(duration * Double(slice) / Double(slices), duration * Double(slice + 1) / Double(slices))
                    .map(\.latency), 0.99))
            }
            print("soak: p99 of all kinds in each tenth of the run, ms: \(profile)")
            print("soak: RSS at the end of each tenth of the run, MiB: \((1...slices).map { Int(samples.first(after: duration * Double($0) / Double(slices) - 1)) })")
            let unexpected = answers.filter { $0.status != $0.kind.expectedStatus }
            print("soak: \(answers.count) answers, \(unexpected.count) unexpected, \(record.skippedCount) not sent (client bound)")
            for sample in unexpected.prefix(5) { print("  unexpected \(sample.kind.rawValue) \(sample.status): \(sample.detail ?? "")") }
            #expect(unexpected.isEmpty && record.skippedCount == 0)
            #expect(endRSS <= warmRSS * 1.10, "RSS grew from \(warmRSS) MiB after warm-up to \(endRSS) MiB")
            #expect(endOther <= warmOther * 1.10, "RSS outside SQLite's bounded page caches grew from \(warmOther) MiB to \(endOther) MiB (RSS \(warmRSS) -> \(endRSS))")
            for kind in SoakKind.allCases {
                let first = SoakRecord.quantile(record.window(0, minute).filter { $0.kind == kind }.map(\.latency), 0.99)
                let last = SoakRecord.quantile(record.window(duration - minute, duration).filter { $0.kind == kind }.map(\.latency), 0.99)
                print(String(format: "soak: %@ p99 %.1f ms first %.0f s, %.1f ms last %.0f s", kind.rawValue, first, minute, last, minute))
                // Within 50%, with 2 ms of slack for kinds answered in a few ms.
                #expect(abs(last - first) <= first * 0.5 + 2, "\(kind.rawValue): p99 \(first) ms first, \(last) ms last")
            }

            // Overload at three times capacity, /healthz probed throughout, then back to half.
            let overload = SoakRecord()
            let probe = HealthProbe(url: soak.node.url.appendingPathComponent("healthz").absoluteString)
            let probing = Task { await probe.run(every: 0.25) }
            // At most as many unanswered as the client has connections (100, more than the
            // node's 64 requests in progress per client): beyond that a request would wait in
            // the client's own queue, not reach the node; it is counted as not sent.
            await load.run(rate: capacity * 3, seconds: 30, maxInFlight: 100, record: overload)
            let recovery = SoakRecord()
            await load.run(rate: rate, seconds: 20, maxInFlight: 1_000, record: recovery)
            probing.cancel()
            let health = await probing.value
            await probe.shutdown()

            let shed = overload.all.filter { [429, 503].contains($0.status) }
            let wrong = overload.all.filter { $0.status != $0.kind.expectedStatus && !([429, 503].contains($0.status) && $0.retryAfter) }
            let served = overload.all.count - shed.count - wrong.count
            print(String(format: "overload: offered %.0f/s for 30 s; %d not sent (100 unanswered already), %d answered as usual (%.0f/s), %d shed with 429/503 and Retry-After, %d otherwise",
                         capacity * 3, overload.skippedCount, served, Double(served) / 30, shed.count, wrong.count))
            for sample in wrong.prefix(5) { print("  \(sample.kind.rawValue) \(sample.status): \(sample.detail ?? "")") }
            print(String(format: "overload: /healthz %d probes, %d answered 200, slowest %.0f ms", health.count,
                         health.filter { $0.status == 200 }.count, (health.map(\.latency).max() ?? 0) * 1000))
            #expect(!shed.isEmpty && wrong.isEmpty)
            #expect(!health.isEmpty && health.allSatisfy { $0.status == 200 })

            let perSecond = (0..<20).map { second in
                recovery.window(Double(second), Double(second + 1)).filter { $0.status == $0.kind.expectedStatus }.count
            }
            let recovered = perSecond.indices.first { second in
                perSecond[second...].allSatisfy { Double($0) >= rate * 0.9 }
                    && recovery.window(Double(second), 20).allSatisfy { $0.status == $0.kind.expectedStatus }
            }
            print("recovery: expected answers per second at \(Int(rate))/s offered: \(perSecond); full rate from second \(recovered.map(String.init) ?? "never")")
            #expect((recovered ?? 99) <= 5, "\(perSecond)")
        } catch {
            await soak.stop()
            throw error
        }
        await soak.stop()
    }
}
