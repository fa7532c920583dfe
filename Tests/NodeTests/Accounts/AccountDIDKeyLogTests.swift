import DID
import Foundation
import KeyCustody
@testable import Node
import Primitives
import Testing

/// An account's DID keys beyond its record go to its key log, one line per key, so saving a
/// registration does not rewrite the others.
struct AccountDIDKeyLogTests {
    private static func key(_ n: Int) throws -> (DID, KeyReference, CustodyPublicKey) {
        let secret = try Secp256k1PrivateKey(rawRepresentation: Array(repeating: 0, count: 31) + [UInt8(n)])
        return (try DID(parsing: "did:example:\(n)"), KeyReference("alice.did-\(n)"), .secp256k1(secret.publicKey))
    }

    @Test("keys added after the record is written are appended to the log, read back after the record's own, and the record file is not rewritten")
    func keysGoToTheLog() throws {
        let directory = DataDirectory(url: FileManager.default.temporaryDirectory.appendingPathComponent("chancery-keys-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: directory.url) }
        var record = AccountRecord(name: "alice", custody: "full", publicKey: "02ab", handle: "h")
        let (did0, ref0, key0) = try Self.key(1)
        record.addDIDKey(did: did0, key: ref0, publicKey: key0)
        try directory.save(record)
        let written = try Data(contentsOf: directory.accountURL("alice"))
        for n in 2...40 {
            var current = try directory.account("alice")
            let (did, ref, key) = try Self.key(n)
            current.addDIDKey(did: did, key: ref, publicKey: key)
            try directory.save(current)
        }
        #expect(try Data(contentsOf: directory.accountURL("alice")) == written)
        let log = directory.accountsURL.appendingPathComponent("alice.keys.jsonl")
        #expect(try String(contentsOf: log, encoding: .utf8).split(separator: "\n").count == 39)
        let keys = try directory.account("alice").didKeys ?? []
        #expect(keys.map(\.did) == (1...40).map { "did:example:\($0)" })

        // A key stored by another writer meanwhile stays when a stale record is saved, and a
        // change to another member rewrites the record but keeps every key.
        var stale = try directory.account("alice")
        var other = stale
        let (did41, ref41, key41) = try Self.key(41)
        other.addDIDKey(did: did41, key: ref41, publicKey: key41)
        try directory.save(other)
        let (did42, ref42, key42) = try Self.key(42)
        stale.addDIDKey(did: did42, key: ref42, publicKey: key42)
        stale.keystore = "alice.keystore"
        try directory.save(stale)
        let final = try directory.account("alice")
        #expect(final.keystore == "alice.keystore")
        #expect(Set((final.didKeys ?? []).map(\.did)) == Set((1...42).map { "did:example:\($0)" }))
        #expect(try directory.accounts().count == 1)
    }

    @Test("a registration appends its key without reading the others; the keys of one DID and the count are answered from an index that follows the log")
    func appendAndLookUp() throws {
        let directory = DataDirectory(url: FileManager.default.temporaryDirectory.appendingPathComponent("chancery-keys-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: directory.url) }
        var record = AccountRecord(name: "bob", custody: "full", publicKey: "02ab", handle: "h")
        let (did1, ref1, key1) = try Self.key(1)
        record.addDIDKey(did: did1, key: ref1, publicKey: key1)
        try directory.save(record)
        #expect(throws: NodeError.self) { try directory.appendDIDKey(AccountDIDKey(did: did1.description, key: "x", publicKey: key1), to: "nobody") }
        for n in 2...30 {
            let (did, ref, key) = try Self.key(n)
            try directory.appendDIDKey(AccountDIDKey(did: did.description, key: ref.id, publicKey: key), to: "bob")
            #expect(try directory.didKeyCount(of: "bob") == n)
        }
        // A second key of DID 7, as `did update --add-key` adds one.
        let (_, _, extra) = try Self.key(99)
        try directory.appendDIDKey(AccountDIDKey(did: "did:example:7", key: "bob.did-7b", publicKey: extra), to: "bob")
        #expect(try directory.didKeys(of: "bob", for: "did:example:7").map(\.key) == ["alice.did-7", "bob.did-7b"])
        #expect(try directory.didKeys(of: "bob", for: did1.description).map(\.key) == [ref1.id])
        #expect(try directory.didKeys(of: "bob", for: "did:example:404").isEmpty)
        #expect(try directory.account("bob").didKeys?.count == 31)
        #expect(try directory.didKeyCount(of: "bob") == 31)
    }
}
