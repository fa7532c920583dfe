import Primitives
import Testing
import TestVectors

/// Wycheproof's Ed25519 verification vectors (testvectors_v1/ed25519_test.json).
struct Ed25519WycheproofTests {
    struct File: Decodable {
        let numberOfTests: Int
        let testGroups: [Group]
    }

    struct Group: Decodable {
        struct Key: Decodable { let pk: String }
        let publicKey: Key
        let tests: [Case]
    }

    struct Case: Decodable {
        let tcId: Int
        let comment: String
        let msg: String
        let sig: String
        let result: String
    }

    @Test("every Wycheproof Ed25519 case gets libsodium's expected verdict, and all are run")
    func wycheproof() throws {
        let file: File = try Vectors.json("wycheproof/ed25519_test.json")
        var run = 0
        var acceptable: [Int] = []
        for group in file.testGroups {
            let key = try Ed25519PublicKey(rawRepresentation: hex(group.publicKey.pk))
            for test in group.tests {
                run += 1
                let verdict = key.isValidSignature(hex(test.sig), for: hex(test.msg))
                switch test.result {
                case "valid": #expect(verdict, "tcId \(test.tcId) (\(test.comment)) should verify")
                case "invalid": #expect(!verdict, "tcId \(test.tcId) (\(test.comment)) should not verify")
                // This file version has no "acceptable" case; if a newer one adds some, the policy
                // (follow libsodium's strict verdict) must be reviewed, so the test says so.
                case "acceptable": acceptable.append(test.tcId)
                default: Issue.record("tcId \(test.tcId) has unknown result \(test.result)")
                }
            }
        }
        #expect(run == file.numberOfTests)
        #expect(run == 151)
        #expect(acceptable.isEmpty, "review the policy for acceptable cases \(acceptable)")
    }
}
