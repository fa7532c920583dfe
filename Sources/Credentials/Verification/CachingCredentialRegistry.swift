public import DID
internal import Primitives

/// Wraps a ``CredentialRegistry`` for a verifier under load: parsed schemas are kept for
/// good (a CPT version never changes), and accreditations, status lists and anchors are kept
/// until the chain's height moves, since chain state changes only when a block commits.
///
/// A value read while the height moves is not kept: each entry is stored only if the height
/// read before the lookup is still the cache's height, so no entry can be older than the
/// block it is labelled with.
public final class CachingCredentialRegistry: CredentialRegistry, @unchecked Sendable {
    private let base: any CredentialRegistry
    private let height: @Sendable () -> UInt64
    private let lock = AdaptiveLock()
    private var schemas: [CPTIdentifier: CredentialSchema] = [:]
    private var cachedHeight: UInt64 = .max
    private var accreditations: [AccreditationKey: Bool] = [:]
    private var lists: [String: RegisteredStatusList?] = [:]
    private var anchors: [[UInt8]: RegisteredAnchor?] = [:]
    private let capacity: Int

    /// Creates the wrapper.
    /// - Parameters:
    ///   - base: the registry to read through.
    ///   - height: the chain's committed height, read before each lookup.
    ///   - capacity: entries kept per kind (the height-scoped tables are emptied when one is full).
    public init(_ base: any CredentialRegistry, height: @escaping @Sendable () -> UInt64, capacity: Int = 100_000) {
        self.base = base
        self.height = height
        self.capacity = capacity
    }

    /// See ``CredentialRegistry``; kept for good.
    public func credentialSchema(id: CPTIdentifier) throws -> CredentialSchema? {
        if let cached = lock.withLock({ schemas[id] }) { return cached }
        guard let schema = try base.credentialSchema(id: id) else { return nil }
        lock.withLock {
            if schemas.count >= 1_024 { schemas.removeAll(keepingCapacity: true) }
            schemas[id] = schema
        }
        return schema
    }

    /// See ``CredentialRegistry``; kept until the height moves.
    public func isAccredited(issuer: DID, schema: CPTIdentifier, at time: Int64) throws -> Bool {
        let key = AccreditationKey(issuer: issuer, schema: schema, time: time)
        return try cached(lookup: { $0.accreditations[key] }, store: { $0.accreditations[key] = $1 }, count: { $0.accreditations.count }) {
            try base.isAccredited(issuer: issuer, schema: schema, at: time)
        }
    }

    /// See ``CredentialRegistry``; kept until the height moves.
    public func registeredStatusList(id: String) throws -> RegisteredStatusList? {
        try cached(lookup: { $0.lists[id] }, store: { $0.lists[id] = $1 }, count: { $0.lists.count }) { try base.registeredStatusList(id: id) }
    }

    /// See ``CredentialRegistry``; kept until the height moves.
    public func registeredAnchor(root: [UInt8]) throws -> RegisteredAnchor? {
        try cached(lookup: { $0.anchors[root] }, store: { $0.anchors[root] = $1 }, count: { $0.anchors.count }) { try base.registeredAnchor(root: root) }
    }

    /// The value for a key of one table at the current height, read through on a miss. The
    /// table is reached through closures rather than a key path: this runs three times per
    /// verification, and key-path projection was a visible share of it.
    private func cached<Value>(lookup: (CachingCredentialRegistry) -> Value?, store: (CachingCredentialRegistry, Value) -> Void,
                               count: (CachingCredentialRegistry) -> Int, read: () throws -> Value) throws -> Value {
        let now = height()
        let hit: Value? = lock.withLock {
            if cachedHeight != now { flush(to: now) }
            return lookup(self)
        }
        if let hit { return hit }
        let value = try read()
        lock.withLock {
            guard cachedHeight == now else { return }
            if count(self) >= capacity { flush(to: now) }
            store(self, value)
        }
        return value
    }

    /// Forgets everything that can change with a block. Called with the lock held.
    private func flush(to height: UInt64) {
        cachedHeight = height
        accreditations.removeAll(keepingCapacity: true)
        lists.removeAll(keepingCapacity: true)
        anchors.removeAll(keepingCapacity: true)
    }
}

/// Who was accredited for what, when: the accreditation cache's key, hashed without building a string.
private struct AccreditationKey: Hashable {
    let issuer: DID
    let schema: CPTIdentifier
    let time: Int64
}
