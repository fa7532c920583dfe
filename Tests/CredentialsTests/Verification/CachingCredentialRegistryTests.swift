import Credentials
import DID
import Foundation
import Primitives
import Testing

@Suite("CachingCredentialRegistry")
struct CachingCredentialRegistryTests {
    /// A registry that counts its reads.
    final class Counting: CredentialRegistry, @unchecked Sendable {
        let base = InMemoryCredentialRegistry()
        private let lock = NSLock()
        private(set) var reads = 0
        private func count() { lock.withLock { reads += 1 } }
        func credentialSchema(id: CPTIdentifier) throws -> CredentialSchema? { count(); return try base.credentialSchema(id: id) }
        func isAccredited(issuer: DID, schema: CPTIdentifier, at time: Int64) throws -> Bool { count(); return try base.isAccredited(issuer: issuer, schema: schema, at: time) }
        func registeredStatusList(id: String) throws -> RegisteredStatusList? { count(); return try base.registeredStatusList(id: id) }
        func registeredAnchor(root: [UInt8]) throws -> RegisteredAnchor? { count(); return try base.registeredAnchor(root: root) }
    }

    final class Height: @unchecked Sendable {
        var value: UInt64 = 1
    }

    @Test("state is read once per height; a new block makes a revocation visible at once")
    func flushesOnNewBlocks() throws {
        let counting = Counting(), height = Height()
        let cache = CachingCredentialRegistry(counting, height: { height.value })
        var list = try BitstringStatusList()
        counting.base.publish(statusList: RegisteredStatusList(issuer: try DID(parsing: "did:example:i"), list: list), id: "l")
        for _ in 0..<5 { #expect(try cache.registeredStatusList(id: "l")?.list.bit(at: 3) == false) }
        #expect(counting.reads == 1)
        try list.setBit(at: 3, to: true)
        counting.base.publish(statusList: RegisteredStatusList(issuer: try DID(parsing: "did:example:i"), list: list), id: "l")
        #expect(try cache.registeredStatusList(id: "l")?.list.bit(at: 3) == false, "same height: the cached value")
        height.value = 2
        #expect(try cache.registeredStatusList(id: "l")?.list.bit(at: 3) == true, "the next block shows the revocation")
        #expect(counting.reads == 2)
    }

    @Test("absence is cached per height too, and an anchor committed later is found after the block")
    func cachesAbsence() throws {
        let counting = Counting(), height = Height()
        let cache = CachingCredentialRegistry(counting, height: { height.value })
        let root = [UInt8](repeating: 7, count: 32)
        #expect(try cache.registeredAnchor(root: root) == nil)
        #expect(try cache.registeredAnchor(root: root) == nil)
        #expect(counting.reads == 1)
        counting.base.record(anchor: RegisteredAnchor(issuer: try DID(parsing: "did:example:i"), height: 2, time: 5), root: root)
        height.value = 2
        #expect(try cache.registeredAnchor(root: root)?.height == 2)
    }

    @Test("schemas are kept for good: a CPT version never changes")
    func schemasKept() throws {
        let counting = Counting(), height = Height()
        let cache = CachingCredentialRegistry(counting, height: { height.value })
        counting.base.register(schema: try CredentialSchema(["type": "object"]), id: try CPTIdentifier(parsing: "urn:chancery:cpt:1000:1"))
        _ = try cache.credentialSchema(id: try CPTIdentifier(parsing: "urn:chancery:cpt:1000:1"))
        height.value = 9
        _ = try cache.credentialSchema(id: try CPTIdentifier(parsing: "urn:chancery:cpt:1000:1"))
        #expect(counting.reads == 1)
    }
}
