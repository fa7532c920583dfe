public import DID
import Foundation
internal import Primitives

/// A ``CredentialRegistry`` in memory: unit tests, and checks of credentials from outside the
/// chain. Real code, not a mock: it applies the same rules as the ledger-backed registry.
public final class InMemoryCredentialRegistry: CredentialRegistry, @unchecked Sendable {
    private let lock = NSLock()
    private var schemas: [CPTIdentifier: CredentialSchema] = [:]
    /// By issuer and CPT number: accreditation covers every version of a CPT.
    private var accreditations: [String: [(from: Int64, until: Int64?)]] = [:]
    private var lists: [String: RegisteredStatusList] = [:]
    private var anchors: [[UInt8]: RegisteredAnchor] = [:]

    /// Creates an empty registry.
    public init() {}

    /// Registers a schema under an identifier.
    public func register(schema: CredentialSchema, id: CPTIdentifier) { lock.withLock { schemas[id] = schema } }
    /// Accredits `issuer` for the CPT `schema` (every version), from `from` until `until` (ms).
    public func accredit(issuer: DID, schema: CPTIdentifier, from: Int64, until: Int64? = nil) {
        lock.withLock { accreditations["\(issuer) \(schema.number)", default: []].append((from, until)) }
    }
    /// Publishes or replaces a status list.
    public func publish(statusList: RegisteredStatusList, id: String) { lock.withLock { lists[id] = statusList } }
    /// Records an anchor.
    public func record(anchor: RegisteredAnchor, root: [UInt8]) { lock.withLock { anchors[root] = anchor } }

    /// See ``CredentialRegistry``.
    public func credentialSchema(id: CPTIdentifier) -> CredentialSchema? { lock.withLock { schemas[id] } }
    /// See ``CredentialRegistry``.
    public func isAccredited(issuer: DID, schema: CPTIdentifier, at time: Int64) -> Bool {
        lock.withLock {
            (accreditations["\(issuer) \(schema.number)"] ?? []).contains { $0.from <= time && ($0.until.map { time < $0 } ?? true) }
        }
    }
    /// See ``CredentialRegistry``.
    public func registeredStatusList(id: String) -> RegisteredStatusList? { lock.withLock { lists[id] } }
    /// See ``CredentialRegistry``.
    public func registeredAnchor(root: [UInt8]) -> RegisteredAnchor? { lock.withLock { anchors[root] } }
}
