import Node
import Foundation
import Testing

/// The credential lifecycle as a user drives it: schema, accreditation, issue (single and CSV),
/// verify, revoke / suspend / reinstate, presentations with single-use challenges, grants.
struct CredentialCommandTests {
    typealias Fixture = DIDCommandTests.Fixture

    static let schema = """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Diploma", "type": "object",
         "properties": {"name": {"type": "string", "minLength": 1}, "degree": {"type": "string", "enum": ["BSc", "MSc", "PhD"]},
                        "year": {"type": "integer", "minimum": 1900}},
         "required": ["name", "degree", "year"], "additionalProperties": false}
        """

    /// A chain with an accredited issuer (university), a holder (alice) with a DID, and a CPT.
    struct Issuing {
        let chain: Fixture
        let issuer: String
        let holder: String
        let cpt: String

        /// - Parameters:
        ///   - custody: the issuer's custody mode.
        ///   - crypto: the chain's crypto suite (`didctl init --crypto`).
        init(custody: String = "partial", crypto: String = "standard") throws {
            chain = try Fixture(accounts: [("university", custody), ("alice", "partial")], crypto: crypto)
            issuer = try #require(try chain.json(["did", "create", "--account", "university"], account: "university")["did"] as? String)
            holder = try #require(try chain.json(["did", "create", "--account", "alice"], account: "alice")["did"] as? String)
            let schemaFile = chain.root.appendingPathComponent("diploma.json")
            try Data(schema.utf8).write(to: schemaFile)
            cpt = try #require(try chain.json(["cpt", "register", "--account", "university", "--schema", schemaFile.path], account: "university")["id"] as? String)
            _ = try chain.json(["issuer", "apply", "--account", "university", "--name", "University", "--cpt", cpt], account: "university")
            let approved = try chain.json(["issuer", "approve", issuer, "--cpt", cpt])
            #expect(approved["executed"] as? Bool == true)
        }

        func issue(_ subject: String, format: String = "jwt") throws -> (id: String, file: URL) {
            let subjectFile = chain.root.appendingPathComponent("subject-\(UUID().uuidString).json")
            try Data(subject.utf8).write(to: subjectFile)
            let out = chain.root.appendingPathComponent("out-\(UUID().uuidString)")
            let issued = try chain.json(["credential", "issue", "--account", "university", "--cpt", cpt, "--subject", subjectFile.path, "--out", out.path,
                                         "--format", format], account: "university")
            return (try #require(issued["id"] as? String), URL(fileURLWithPath: try #require(issued["file"] as? String)))
        }

        /// The checks of one verified file, by name → (outcome, code).
        func verify(_ file: URL, policy: String = "accredited") throws -> (status: Int32, checks: [String: (String, String)]) {
            let result = try chain.run(["credential", "verify", file.path, "--policy", policy, "--json"])
            let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            var checks: [String: (String, String)] = [:]
            for check in array.first?["checks"] as? [[String: Any]] ?? [] {
                checks[check["check"] as? String ?? ""] = (check["outcome"] as? String ?? "", check["code"] as? String ?? "")
            }
            return (result.status, checks)
        }
    }

    @Test("an accredited issuer's credential verifies; revoked it fails with 'revoked'; suspension is reversible")
    func lifecycle() throws {
        let setup = try Issuing()
        defer { setup.chain.remove() }
        let credential = try setup.issue(#"{"id": "\#(setup.holder)", "name": "Alice", "degree": "MSc", "year": 2026}"#)
        let fresh = try setup.verify(credential.file)
        #expect(fresh.status == 0, "\(fresh.checks)")
        for check in ["format", "issuer", "proof", "validity", "schema", "accreditation", "status", "evidence"] {
            #expect(fresh.checks[check]?.0 == "passed", "\(check): \(String(describing: fresh.checks[check]))")
        }
        #expect(try setup.chain.run(["credential", "suspend", credential.id, "--account", "university"], account: "university").status == 0)
        #expect(try setup.verify(credential.file).checks["status"]?.1 == "suspended")
        #expect(try setup.chain.run(["credential", "reinstate", credential.id, "--account", "university"], account: "university").status == 0)
        #expect(try setup.verify(credential.file).status == 0)
        #expect(try setup.chain.run(["credential", "revoke", credential.id, "--account", "university"], account: "university").status == 0)
        let revoked = try setup.verify(credential.file)
        #expect(revoked.status == 1)
        #expect(revoked.checks["status"]?.1 == "revoked")
        let reinstate = try setup.chain.run(["credential", "reinstate", credential.id, "--account", "university"], account: "university")
        #expect(reinstate.status == 1 && reinstate.stderr.contains("revocation is final"))
    }

    @Test("a CSV batch issues every good row, names the bad row's line, and each issued credential verifies")
    func csvBatch() throws {
        let setup = try Issuing()
        defer { setup.chain.remove() }
        let csv = setup.chain.root.appendingPathComponent("graduates.csv")
        try Data("id,name,degree,year\ndid:example:a,\"Lovelace, Ada\",BSc,2025\ndid:example:b,Bob,Diploma,2025\ndid:example:c,Carol,PhD,2024\n".utf8).write(to: csv)
        let out = setup.chain.root.appendingPathComponent("batch")
        let result = try setup.chain.run(["credential", "issue", "--account", "university", "--cpt", setup.cpt, "--csv", csv.path, "--out", out.path],
                                         account: "university")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("line 3: refused"), "\(result.stderr)")
        #expect(result.stdout.contains("Issued 2, refused 1"))
        let jsonl = out.appendingPathComponent("credentials.jsonl")
        let verified = try setup.chain.run(["credential", "verify", jsonl.path, "--policy", "accredited"])
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.components(separatedBy: "VERIFIED").count - 1 == 2)
    }

    @Test("a credential from an unaccredited issuer fails accreditation; a subject the CPT refuses is not issued")
    func unaccreditedAndRefused() throws {
        let setup = try Issuing()
        defer { setup.chain.remove() }
        _ = try setup.chain.json(["issuer", "revoke", setup.issuer])
        let credential = try setup.issue(#"{"name": "Mallory", "degree": "PhD", "year": 2026}"#)
        let result = try setup.verify(credential.file)
        #expect(result.status == 1)
        #expect(result.checks["accreditation"]?.1 == "notAccredited")
        let bad = setup.chain.root.appendingPathComponent("bad.json")
        try Data(#"{"name": "", "degree": "MSc", "year": 2026}"#.utf8).write(to: bad)
        let refused = try setup.chain.run(["credential", "issue", "--account", "university", "--cpt", setup.cpt, "--subject", bad.path], account: "university")
        #expect(refused.status == 1 && refused.stderr.contains("/name"), "\(refused.stderr)")
    }

    @Test("a presentation verifies once against its challenge and domain; the replay fails")
    func presentation() throws {
        let setup = try Issuing()
        defer { setup.chain.remove() }
        let credential = try setup.issue(#"{"id": "\#(setup.holder)", "name": "Alice", "degree": "MSc", "year": 2026}"#)
        let challenge = try #require(try setup.chain.json(["presentation", "challenge"])["challenge"] as? String)
        let vp = setup.chain.root.appendingPathComponent("vp.jwt")
        let created = try setup.chain.run(["presentation", "create", "--account", "alice", "--credential", credential.file.path,
                                           "--challenge", challenge, "--domain", "verifier.example", "--out", vp.path], account: "alice")
        #expect(created.status == 0, "\(created.stderr)")
        let first = try setup.chain.run(["presentation", "verify", vp.path, "--challenge", challenge, "--domain", "verifier.example"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let replay = try setup.chain.run(["presentation", "verify", vp.path, "--challenge", challenge, "--domain", "verifier.example"])
        #expect(replay.status == 1)
        #expect(replay.stdout.contains("already answered once"))
    }

    @Test("a grant checks for its grantee, not for a copier, not outside its scope, and not after it is revoked")
    func authorization() throws {
        let chain = try Fixture(accounts: [("alice", "partial"), ("bank", "partial"), ("eve", "partial")])
        defer { chain.remove() }
        for name in ["alice", "eve"] { _ = try chain.json(["did", "create", "--account", name], account: name) }
        let bank = try #require(try chain.json(["did", "create", "--account", "bank"], account: "bank")["did"] as? String)
        let grant = try #require(try chain.json(["authorize", "grant", "--account", "alice", "--grantee", bank, "--scope", "urn:chancery:cpt:1000:1",
                                                 "--purpose", "loan application", "--days", "7"], account: "alice")["id"] as? String)
        let granted = try chain.run(["authorize", "check", grant, "--grantee-account", "bank", "--scope", "urn:chancery:cpt:1000:1"], account: "bank")
        #expect(granted.status == 0 && granted.stdout.contains("Granted"), "\(granted.stderr)")
        let copier = try chain.run(["authorize", "check", grant, "--grantee-account", "eve", "--scope", "urn:chancery:cpt:1000:1"], account: "eve")
        #expect(copier.status == 1 && copier.stderr.contains("granteeNotCurrentKey"), "\(copier.stderr)")
        let outside = try chain.run(["authorize", "check", grant, "--grantee-account", "bank", "--scope", "urn:chancery:cpt:2000:1"], account: "bank")
        #expect(outside.status == 1 && outside.stderr.contains("outOfScope"))
        let stranger = try chain.run(["authorize", "revoke", grant, "--account", "eve"], account: "eve")
        #expect(stranger.status == 1)
        #expect(try chain.run(["authorize", "revoke", grant, "--account", "alice"], account: "alice").status == 0)
        let after = try chain.run(["authorize", "check", grant, "--grantee-account", "bank", "--scope", "urn:chancery:cpt:1000:1"], account: "bank")
        #expect(after.status == 1 && after.stderr.contains("revoked"))
    }
}
