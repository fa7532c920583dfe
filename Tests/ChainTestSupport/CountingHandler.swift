package import Chain
import Foundation

/// A real handler wrapped so a test can count its stateless steps and its applies: `prepare`
/// (where the body is parsed and the signer recovered) and `apply` each add one per call, and
/// each apply notes whether it was given a value prepared at admission (carried by the orderer)
/// or prepared itself because none was carried (replay).
package struct CountingHandler<Inner: TransactionHandler>: TransactionHandler {
    /// The inner handler's prepared value, tagged with the tally that made it.
    package struct Prepared: Sendable {
        let inner: Inner.Prepared
        let serial: Int
    }

    package let inner: Inner
    package let tally: HandlerTally
    package var type: TransactionType { inner.type }

    /// Wraps `inner`, counting into `tally`.
    package init(_ inner: Inner, tally: HandlerTally) {
        self.inner = inner
        self.tally = tally
    }

    package func prepare(_ transaction: Transaction) throws -> Prepared {
        let value = try inner.prepare(transaction)
        return Prepared(inner: value, serial: tally.prepared(type))
    }

    package func apply(_ prepared: Prepared, of transaction: Transaction, context: TransactionContext, state: StateTransaction) throws {
        tally.applied(type, serial: prepared.serial)
        try inner.apply(prepared.inner, of: transaction, context: context, state: state)
    }
}

/// Per-type counts of a ``CountingHandler``'s calls, safe to update from any thread.
package final class HandlerTally: @unchecked Sendable {
    private let lock = NSLock()
    private var prepares: [TransactionType: Int] = [:]
    private var applies: [TransactionType: Int] = [:]
    private var appliedSerials: [Int] = []
    private var nextSerial = 0

    package init() {}

    /// How many times `type` was prepared (its body parsed, its signer recovered).
    package func prepares(of type: TransactionType) -> Int { lock.withLock { prepares[type, default: 0] } }

    /// How many times `type` was applied, whether it was then accepted or refused.
    package func applies(of type: TransactionType) -> Int { lock.withLock { applies[type, default: 0] } }

    /// The serial numbers of the prepared values applied, in order: each names one `prepare` call.
    package var serialsApplied: [Int] { lock.withLock { appliedSerials } }

    fileprivate func prepared(_ type: TransactionType) -> Int {
        lock.withLock {
            prepares[type, default: 0] += 1
            nextSerial += 1
            return nextSerial
        }
    }

    fileprivate func applied(_ type: TransactionType, serial: Int) {
        lock.withLock {
            applies[type, default: 0] += 1
            appliedSerials.append(serial)
        }
    }
}
