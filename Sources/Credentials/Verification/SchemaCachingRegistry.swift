import Foundation
internal import Primitives

/// Wraps a ``CredentialRegistry`` and keeps parsed schemas: a CPT version never changes once
/// registered, so it is read and compiled once rather than on every verification.
/// Accreditations, status lists and anchors change and are always read through.
public final class SchemaCachingRegistry: CredentialRegistry, @unchecked Sendable {
    private let base: any CredentialRegistry
    private let lock = NSLock()
    private var schemas: [String: CredentialSchema] = [:]
    private let capacity: Int

    /// Creates the wrapper.
    /// - Parameters:
    ///   - base: the registry to read through.
    ///   - capacity: how many schemas to keep (the cache is emptied when full).
    public init(_ base: any CredentialRegistry, capacity: Int = 1_024) {
        self.base = base
        self.capacity = capacity
    }

    /// The schema, from the cache when it was read before.
    public func credentialSchema(id: String) throws -> CredentialSchema? {
        if let cached = lock.withLock({ schemas[id] }) { return cached }
        guard let schema = try base.credentialSchema(id: id) else { return nil }
        lock.withLock {
            if schemas.count >= capacity { schemas.removeAll(keepingCapacity: true) }
            schemas[id] = schema
        }
        return schema
    }

    /// Read through.
    public func isAccredited(issuer: String, schemaID: String, at time: Int64) throws -> Bool {
        try base.isAccredited(issuer: issuer, schemaID: schemaID, at: time)
    }
    /// Read through.
    public func registeredStatusList(id: String) throws -> RegisteredStatusList? { try base.registeredStatusList(id: id) }
    /// Read through.
    public func registeredAnchor(root: [UInt8]) throws -> RegisteredAnchor? { try base.registeredAnchor(root: root) }
}
