import Foundation
import Testing

/// Data Integrity issuance from the CLI: an issuer DID gets Ed25519 and P-256 assertion keys
/// held by its account's custodian beside its secp256k1 key, and `credential issue` signs
/// `eddsa-*` and `ecdsa-*` proofs with them, RDFC and JCS alike.
struct DataIntegrityIssuanceTests {
    typealias Issuing = CredentialCommandTests.Issuing

    /// The proof of an issued Data Integrity credential file.
    private func proof(_ file: URL) throws -> [String: Any] {
        let credential = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        return try #require(credential["proof"] as? [String: Any])
    }

    /// The file with one claim changed, as a forger would.
    private func altered(_ file: URL) throws -> URL {
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"MSc\"", with: "\"PhD\"")
        let url = file.deletingLastPathComponent().appendingPathComponent("altered.json")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("a partial-custody issuer adds Ed25519 and P-256 assertion keys; di-eddsa-rdfc, di-ecdsa-rdfc, di-eddsa and di-ecdsa credentials verify with every check passed, and fail the proof check when a claim changes")
    func partialCustody() throws {
        let setup = try Issuing()
        defer { setup.chain.remove() }
        let subject = #"{"id": "\#(setup.holder)", "name": "Alice", "degree": "MSc", "year": 2026}"#
        // Before the key exists the format is refused, naming the command that adds one.
        let subjectFile = setup.chain.root.appendingPathComponent("subject.json")
        try Data(subject.utf8).write(to: subjectFile)
        let refused = try setup.chain.run(["credential", "issue", "--account", "university", "--cpt", setup.cpt, "--subject", subjectFile.path,
                                           "--format", "di-eddsa-rdfc"], account: "university")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--key-type ed25519"), "\(refused.stderr)")

        for type in ["ed25519", "p256"] {
            let updated = try setup.chain.json(["did", "update", setup.issuer, "--account", "university", "--add-key", "university", "--key-type", type],
                                               account: "university")
            #expect(updated["versionId"] as? String != nil)
        }
        let (document, _) = try setup.chain.resolve(setup.issuer)
        let methods = try #require(document["verificationMethod"] as? [[String: Any]])
        #expect(methods.count == 3)
        // The new keys assert and authenticate; only the secp256k1 key can change the DID.
        #expect((document["assertionMethod"] as? [Any])?.count == 3)
        #expect((document["capabilityInvocation"] as? [Any])?.count == 1)

        for (format, cryptosuite) in [("di-eddsa-rdfc", "eddsa-rdfc-2022"), ("di-ecdsa-rdfc", "ecdsa-rdfc-2019"),
                                      ("di-eddsa", "eddsa-jcs-2022"), ("di-ecdsa", "ecdsa-jcs-2019")] {
            let credential = try setup.issue(subject, format: format)
            #expect(try proof(credential.file)["cryptosuite"] as? String == cryptosuite)
            let verified = try setup.verify(credential.file)
            #expect(verified.status == 0, "\(format): \(verified.checks)")
            for check in ["format", "issuer", "proof", "validity", "schema", "accreditation", "status", "evidence"] {
                #expect(verified.checks[check]?.0 == "passed", "\(format) \(check): \(String(describing: verified.checks[check]))")
            }
            let forged = try setup.verify(try altered(credential.file))
            #expect(forged.status == 1)
            #expect(forged.checks["proof"]?.0 == "failed", "\(format): \(forged.checks)")
        }
        // JWT issuance still signs with the DID's secp256k1 key.
        let jwt = try setup.issue(subject)
        #expect(try String(contentsOf: jwt.file, encoding: .utf8).hasPrefix("eyJ"))
        #expect(try setup.verify(jwt.file).status == 0)
    }

    @Test("a full-custody issuer's P-256 key is split in the vault like its other keys and signs ecdsa-rdfc-2019 credentials that verify")
    func fullCustody() throws {
        let setup = try Issuing(custody: "full")
        defer { setup.chain.remove() }
        _ = try setup.chain.json(["did", "update", setup.issuer, "--account", "university", "--add-key", "university", "--key-type", "p256"],
                                 account: "university")
        let credential = try setup.issue(#"{"id": "\#(setup.holder)", "name": "Alice", "degree": "PhD", "year": 2025}"#, format: "di-ecdsa-rdfc")
        #expect(try proof(credential.file)["cryptosuite"] as? String == "ecdsa-rdfc-2019")
        let verified = try setup.verify(credential.file)
        #expect(verified.status == 0, "\(verified.checks)")
        #expect(verified.checks["proof"]?.0 == "passed")
    }

    @Test("--key-type takes secp256k1, ed25519 or p256 and needs --add-key")
    func keyTypeValidation() throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("bob", "partial")])
        defer { chain.remove() }
        let did = try #require(try chain.json(["did", "create", "--account", "bob"], account: "bob")["did"] as? String)
        let unknown = try chain.run(["did", "update", did, "--account", "bob", "--add-key", "bob", "--key-type", "rsa"], account: "bob")
        #expect(unknown.status != 0 && unknown.stderr.contains("--key-type must be secp256k1, ed25519 or p256"), "\(unknown.stderr)")
        let alone = try chain.run(["did", "update", did, "--account", "bob", "--remove-key", "key-9", "--key-type", "ed25519"], account: "bob")
        #expect(alone.status != 0 && alone.stderr.contains("--key-type applies to --add-key"), "\(alone.stderr)")
    }

    @Test("the VC API issuer signs eddsa-rdfc-2022 and ecdsa-rdfc-2019 with the account's added keys when options.format asks, and the node verifies them; a credential whose claim no context defines is refused 422 naming it")
    func vcAPIIssuance() async throws {
        let setup = try Issuing()
        defer { setup.chain.remove() }
        for type in ["ed25519", "p256"] {
            _ = try setup.chain.json(["did", "update", setup.issuer, "--account", "university", "--add-key", "university", "--key-type", type],
                                     account: "university")
        }
        let token = try #require(try setup.chain.json(["node", "token", "--account", "university"])["token"] as? String)
        let node = try RunningNode(dataDirectory: setup.chain.root, environment: ["CHANCERY_PASSWORD": "pw-university"])
        defer { node.stop() }
        let examples = "https://www.w3.org/ns/credentials/examples/v2"
        for (format, cryptosuite) in [("di-eddsa-rdfc", "eddsa-rdfc-2022"), ("di-ecdsa-rdfc", "ecdsa-rdfc-2019")] {
            var body = VCAPIIssue.body(issuer: setup.issuer, subject: ["id": setup.holder, "alumniOf": "The School of Examples"],
                                       options: ["format": format])
            var credential = try #require(body["credential"] as? [String: Any])
            credential["@context"] = [VCAPIIssue.context, examples]
            body["credential"] = credential
            let issued = try await NodeIssuerFailureTests.post(node.url.appendingPathComponent("credentials/issue"), body, bearer: token)
            #expect(issued.status == 201, "\(format): \(issued.body)")
            let secured = try #require(issued.body["verifiableCredential"] as? [String: Any])
            #expect((secured["proof"] as? [String: Any])?["cryptosuite"] as? String == cryptosuite)
            let verified = try await NodeIssuerFailureTests.post(node.url.appendingPathComponent("credentials/verify"),
                                                                 ["verifiableCredential": secured], bearer: nil)
            #expect(verified.status == 200 && verified.body["verified"] as? Bool == true, "\(format): \(verified.body)")
        }
        // The VC 2.0 context alone defines no `alumniOf`: signing it under RDFC would drop the claim.
        let undefined = VCAPIIssue.body(issuer: setup.issuer, subject: ["id": setup.holder, "alumniOf": "The School of Examples"],
                                        options: ["format": "di-eddsa-rdfc"])
        let refused = try await NodeIssuerFailureTests.post(node.url.appendingPathComponent("credentials/issue"), undefined, bearer: token)
        #expect(refused.status == 422 || refused.status == 400, "\(refused.body)")
        #expect("\(refused.body)".contains("alumniOf"), "\(refused.body)")
    }
}
