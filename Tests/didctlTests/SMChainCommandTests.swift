import Foundation
import Testing

/// `didctl init --crypto sm` (`specs/chain.md` §9): the demo's steps on a chain of the sm suite,
/// whose one-time keys, certificates, node keys and block signatures are SM2 and whose ids,
/// Merkle trees and tagged hashes are SM3; new DIDs get SM2 inception keys and sign `SM2SM3`.
struct SMChainCommandTests {
    typealias Issuing = CredentialCommandTests.Issuing

    @Test("init --crypto sm records the suite in genesis and names an SM2 node; a suite that does not exist is bad usage")
    func initRecordsTheSuite() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let created = try Didctl.run(["init", "--crypto", "sm", "--json", "--data-dir", root.path])
        #expect(created.status == 0, "\(created.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])
        #expect(object["crypto"] as? String == "sm")
        // A node id is a 33-byte compressed SM2 key: 66 hex digits, 02 or 03 first.
        let nodeId = try #require(object["nodeId"] as? String)
        #expect(nodeId.count == 66 && (nodeId.hasPrefix("02") || nodeId.hasPrefix("03")), "\(nodeId)")
        let genesis = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("genesis.json"))) as? [String: Any])
        #expect(genesis["cryptoSuite"] as? String == "sm")
        #expect((genesis["membershipService"] as? String)?.count == 66)
        let info = try Didctl.run(["chain", "info", "--json", "--data-dir", root.path])
        #expect(info.status == 0 && info.stdout.contains(#""crypto" : "sm""#), "\(info.stdout)")
        let other = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(try Didctl.run(["init", "--crypto", "rot13", "--data-dir", other.path]).status == 2)
    }

    @Test("on an sm chain: account, SM2 DID, CPT, accreditation, an SM2SM3 credential that verifies, revocation, and an intact ledger")
    func demoSteps() throws {
        let setup = try Issuing(crypto: "sm")
        defer { setup.chain.remove() }
        // The issuer's DID document lists its SM2 inception key.
        let (document, _) = try setup.chain.resolve(setup.issuer)
        let methods = try #require(document["verificationMethod"] as? [[String: Any]])
        let jwk = methods.first?["publicKeyJwk"] as? [String: Any]
        let multikey = methods.first?["publicKeyMultibase"] as? String
        #expect(jwk?["crv"] as? String == "SM2" || multikey != nil, "\(methods)")
        let credential = try setup.issue(#"{"id": "\#(setup.holder)", "name": "Alice", "degree": "MSc", "year": 2026}"#)
        // A vc+jwt whose header names SM2SM3.
        let jwt = try String(contentsOf: credential.file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let header = try #require(jwt.split(separator: ".").first.flatMap { Self.base64URL(String($0)) })
        #expect(String(decoding: header, as: UTF8.self).contains(#""alg":"SM2SM3""#), "\(String(decoding: header, as: UTF8.self))")
        let fresh = try setup.verify(credential.file)
        #expect(fresh.status == 0, "\(fresh.checks)")
        for check in ["format", "issuer", "proof", "validity", "schema", "accreditation", "status", "evidence"] {
            #expect(fresh.checks[check]?.0 == "passed", "\(check): \(String(describing: fresh.checks[check]))")
        }
        #expect(try setup.chain.run(["credential", "revoke", credential.id, "--account", "university"], account: "university").status == 0)
        let revoked = try setup.verify(credential.file)
        #expect(revoked.status == 1)
        #expect(revoked.checks["status"]?.1 == "revoked")
        let verified = try setup.chain.run(["chain", "verify"])
        #expect(verified.status == 0 && verified.stdout.contains("intact"), "\(verified.stdout) \(verified.stderr)")
    }

    private static func base64URL(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
