import Node
import Foundation
import Primitives
import Testing

/// `didctl account create/recover/list` in each custody mode, admitted on the chain.
struct AccountCommandTests {
    @Test("partial and full custody accounts are created, admitted on chain, and a full-custody key is recovered")
    func partialAndFull() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Didctl.run(["init", "--data-dir", root.path]).status == 0)
        let alice = try Didctl.run(["account", "create", "alice", "--custody", "partial", "--data-dir", root.path, "--json"],
                                   environment: ["CHANCERY_PASSWORD": "correct horse"])
        #expect(alice.status == 0, "\(alice.stderr)")
        #expect(alice.stdout.contains("\"admitted\" : true"))
        let keystore = root.appendingPathComponent("accounts/alice.keystore").path
        let keystoreText = try String(contentsOfFile: keystore, encoding: .utf8)
        #expect(!keystoreText.contains("correct horse"))

        let bob = try Didctl.run(["account", "create", "bob", "--custody", "full", "--data-dir", root.path, "--json"],
                                 environment: ["CHANCERY_PASSWORD": "battery staple"])
        #expect(bob.status == 0, "\(bob.stderr)")
        let recovered = try Didctl.run(["account", "recover", "bob", "--data-dir", root.path, "--json"],
                                       environment: ["CHANCERY_PASSWORD": "battery staple"])
        #expect(recovered.status == 0, "\(recovered.stderr)")
        #expect(recovered.stdout.contains("\"recovered\" : true"))
        let wrong = try Didctl.run(["account", "recover", "bob", "--data-dir", root.path],
                                   environment: ["CHANCERY_PASSWORD": "guess"])
        #expect(wrong.status == 1)
        // One line saying how many attempts remain, not five vault nodes' messages.
        #expect(wrong.stderr == "error: The password for \"bob\" is wrong; 4 attempts remain before the vault locks the account.\n", "\(wrong.stderr)")

        let list = try Didctl.run(["account", "list", "--data-dir", root.path])
        #expect(list.stdout.contains("alice\tpartial") && list.stdout.contains("bob\tfull"))
        let duplicate = try Didctl.run(["account", "create", "alice", "--custody", "partial", "--data-dir", root.path],
                                       environment: ["CHANCERY_PASSWORD": "x"])
        #expect(duplicate.status == 1)
        #expect(try Didctl.run(["chain", "verify", "--data-dir", root.path]).status == 0)
    }

    @Test("an HSM account links a key generated in a SoftHSM2 token; a wrong PIN is refused clearly")
    func hsm() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let tokens = root.appendingPathComponent("tokens")
        try FileManager.default.createDirectory(at: tokens, withIntermediateDirectories: true)
        let conf = root.appendingPathComponent("softhsm2.conf")
        try "directories.tokendir = \(tokens.path)\nobjectstore.backend = file\nlog.level = ERROR\n"
            .write(to: conf, atomically: true, encoding: .utf8)
        let environment = ["SOFTHSM2_CONF": conf.path]
        let initToken = Process()
        initToken.executableURL = URL(fileURLWithPath: "/usr/bin/softhsm2-util")
        initToken.arguments = ["--init-token", "--free", "--label", "chancery-cli", "--so-pin", "1234", "--pin", "5678"]
        initToken.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        initToken.standardOutput = FileHandle.nullDevice
        try initToken.run()
        initToken.waitUntilExit()
        #expect(initToken.terminationStatus == 0)

        #expect(try Didctl.run(["init", "--data-dir", root.appendingPathComponent("node").path]).status == 0)
        let arguments = ["account", "create", "carol", "--custody", "hsm", "--pkcs11-module", "/usr/lib/softhsm/libsofthsm2.so",
                         "--token-label", "chancery-cli", "--key-label", "carol-key", "--data-dir", root.appendingPathComponent("node").path]
        let wrongPin = try Didctl.run(arguments, environment: environment.merging(["CHANCERY_PKCS11_PIN": "0000"]) { $1 })
        #expect(wrongPin.status == 1)
        #expect(wrongPin.stderr.lowercased().contains("pin"))
        let created = try Didctl.run(arguments + ["--json"], environment: environment.merging(["CHANCERY_PKCS11_PIN": "5678"]) { $1 })
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("\"custody\" : \"hsm\""))
        #expect(created.stdout.contains("\"admitted\" : true"))

        // Each DID gets a new key object in the token, not the account's key; later operations sign with it.
        let pin = environment.merging(["CHANCERY_PKCS11_PIN": "5678"]) { $1 }
        let node = ["--data-dir", root.appendingPathComponent("node").path]
        let dids = try (0..<2).map { _ in
            let made = try Didctl.run(["did", "create", "--account", "carol"] + node, environment: pin)
            #expect(made.status == 0, "\(made.stderr)")
            return made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(dids[0] != dids[1] && dids.allSatisfy { $0.hasPrefix("did:chancery:") })
        let memberKey = try #require(created.stdout.split(separator: "\"").drop { $0 != "publicKey" }.dropFirst(2).first)
        let memberAddress = try EthereumAddress(publicKey: Secp256k1PublicKey(Hex.decode(String(memberKey))).uncompressedRepresentation)
        #expect(dids.allSatisfy { !$0.lowercased().hasSuffix(memberAddress.description.dropFirst(2).lowercased()) })
        let updated = try Didctl.run(["did", "update", dids[1], "--account", "carol", "--add-service", "a=LinkedDomains=https://a.example/"] + node,
                                     environment: pin)
        #expect(updated.status == 0, "\(updated.stderr)")
    }
}
