import Node
import Chain
import Foundation
import Primitives
import Testing

/// What a ledger reader learns about a member's DIDs (`specs/audit.md` §1, issue #14 item 5):
/// nothing that ties them to each other or to the member; only the auditor links them.
struct MemberUnlinkabilityTests {
    /// Everything public: genesis, every transaction's wire bytes and every state row, each as
    /// one blob (a state row is `namespace ‖ key ‖ value`).
    private static func publicBlobs(of root: URL) throws -> (blobs: [[UInt8]], transactions: [Transaction]) {
        let store = try SQLiteBlockStore(path: root.appendingPathComponent("ledger.sqlite").path)
        var transactions: [Transaction] = []
        for height in 0...(try #require(try store.head()).header.height) { transactions += try store.transactions(at: height) }
        var rows: [[UInt8]] = []
        try store.forEachStateEntry { rows.append(Array($0.namespace.utf8) + $0.key + ($0.value ?? [])) }
        let genesis = Array(try Data(contentsOf: root.appendingPathComponent("genesis.json")))
        return ([genesis] + transactions.map(\.encoded) + rows, transactions)
    }

    /// Whether `blob` holds `needle` as raw bytes or, ignoring case, as text.
    private static func contains(_ blob: [UInt8], _ needle: [UInt8]) -> Bool {
        let lowered = blob.map { (65...90).contains($0) ? $0 + 32 : $0 }
        return [blob, lowered].contains { haystack in
            haystack.count >= needle.count && (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
    }

    /// The forms a secp256k1 key takes in public data: compressed and x-only, raw and hex, its
    /// Ethereum address (a did:chancery DID's address) and its Multikey text.
    private static func forms(of key: Secp256k1PublicKey) throws -> [(form: String, bytes: [UInt8])] {
        let address = try EthereumAddress(publicKey: key.uncompressedRepresentation).description.dropFirst(2).lowercased()
        return [("compressed key", key.compressedRepresentation), ("x-only key", key.xOnly.rawRepresentation),
                ("compressed key in hex", Array(Hex.encode(key.compressedRepresentation).utf8)),
                ("x-only key in hex", Array(Hex.encode(key.xOnly.rawRepresentation).utf8)), ("address (its DID's)", Array(address.utf8))]
    }

    @Test("two DIDs of one member share no key, name or handle on the ledger, none carries the member's name or long-term key, and the auditor links both to the member")
    func twoDIDsOfOneMember() throws {
        let name = "probe.member-7"
        let fixture = try DIDCommandTests.Fixture(accounts: [(name, "partial")])
        defer { fixture.remove() }
        let root = fixture.root
        let account = try #require((try fixture.json(["account", "list"])["accounts"] as? [[String: Any]])?.first)
        let memberKey = try Secp256k1PublicKey(Hex.decode(try #require(account["publicKey"] as? String)))
        let handle = try #require(account["memberHandle"] as? String)
        let dids = try (0..<2).map { _ in try #require(try fixture.json(["did", "create", "--account", name], account: name)["did"] as? String) }
        #expect(dids[0] != dids[1])
        let didKeys = try dids.map { did in
            let method = try #require((try fixture.resolve(did).document["verificationMethod"] as? [[String: Any]])?.first)
            return try #require(method["publicKeyMultibase"] as? String)
        }
        #expect(didKeys[0] != didKeys[1])

        let (blobs, transactions) = try Self.publicBlobs(of: root)
        let member = try Self.forms(of: memberKey) + [("name", Array(name.utf8))]
        for (form, needle) in member { #expect(!blobs.contains { Self.contains($0, needle) }, "public data holds the member's \(form)") }
        // Each DID's public marks: its address and its key. No blob carries both DIDs' marks, or
        // one DID's mark beside the member handle.
        let handleBytes = try Hex.decode(handle)
        let marks = zip(dids, didKeys).map { [Array($0.0.suffix(40).lowercased().utf8), Array($0.1.utf8)] }
        for blob in blobs {
            let mentions = marks.map { $0.contains { Self.contains(blob, $0) } }
            #expect(!(mentions[0] && mentions[1]), "a public blob names both DIDs")
            if mentions.contains(true) {
                #expect(!Self.contains(blob, Array(handle.utf8)) && !Self.contains(blob, handleBytes), "a public blob names a DID and the member")
            }
        }
        let creations = transactions.filter { $0.type.name == "did.create" }
        #expect(creations.count == 2)
        if creations.count == 2 {
            let (first, second) = (creations[0], creations[1])
            #expect(first.oneTimeKey != second.oneTimeKey && first.certificate != second.certificate && first.envelope != second.envelope)
        }

        for did in dids {
            let trace = try fixture.json(["audit", "trace", did])
            #expect(trace["memberHandle"] as? String == handle && trace["memberName"] as? String == name, "\(trace)")
        }
    }
}
