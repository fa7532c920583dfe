import Foundation
import Primitives
import Testing

/// Admission through a running node: an applicant files a membership request, committee
/// members approve it k-of-n from their own directories, and the applicant writes only once
/// admitted. Every command here goes through the node over HTTP.
struct AccountAdmissionTests {
    @Test("a request filed through the node waits for two of two approvals; the applicant's writes are refused as awaiting approval until the second member approves")
    func twoOfTwoThroughNode() async throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let registrar = Secp256k1PrivateKey()
        let initialised = try Didctl.run(["init", "--data-dir", root.path, "--threshold", "2",
                                          "--committee-member", "registrar=\(Hex.encode(registrar.publicKey.compressedRepresentation))"])
        #expect(initialised.status == 0, "\(initialised.stderr)")
        // The registrar keeps its committee key in this directory, as `--approver registrar` expects.
        try Data(Hex.encode(registrar.rawRepresentation.unsafeArray).utf8)
            .write(to: root.appendingPathComponent("keys/committee-registrar.key"))
        let chain = DIDCommandTests.Fixture(existing: root)
        let node = try RunningNode(dataDirectory: root)
        defer { node.stop() }
        let url = node.url.absoluteString

        // This directory holds the operator's committee key, so its approval comes with the request.
        let filed = try chain.json(["account", "create", "carol", "--custody", "partial", "--node", url], account: "carol")
        #expect(filed["admitted"] as? Bool == false && filed["approvals"] as? [String] == ["operator"] && filed["threshold"] as? Int == 2,
                "\(filed)")
        let early = try chain.run(["did", "create", "--account", "carol", "--node", url], account: "carol")
        #expect(early.status == 1 && early.stderr.contains("awaits committee approval: 1 of 2"), "\(early.stderr)")

        // Pending requests are the committee's to read: no signature, no list.
        let (unsigned, status) = try await NodeStartCommandTests.get(node.url.appendingPathComponent("membership/requests"))
        #expect(status == 401, "\(String(decoding: unsigned, as: UTF8.self))")
        let listed = try chain.json(["account", "requests", "--approver", "registrar", "--node", url])
        let requests = listed["requests"] as? [[String: Any]] ?? []
        #expect(requests.count == 1 && requests.first?["name"] as? String == "carol", "\(listed)")

        let approved = try chain.json(["account", "approve", "carol", "--approver", "registrar", "--node", url])
        #expect(approved["admitted"] as? Bool == true && approved["approvals"] as? [String] == ["operator", "registrar"], "\(approved)")
        let created = try chain.json(["did", "create", "--account", "carol", "--node", url], account: "carol")
        #expect((created["did"] as? String)?.hasPrefix("did:chancery:") == true)

        let again = try chain.run(["account", "approve", "carol", "--node", url])
        #expect(again.status == 1 && again.stderr.contains("No membership request named 'carol'"), "\(again.stderr)")
        let status2 = try chain.json(["account", "create", "carol", "--custody", "partial", "--node", url], account: "carol")
        #expect(status2["admitted"] as? Bool == true, "running create again reports the admission")
        let stranger = try chain.run(["account", "requests", "--approver", "nobody", "--node", url])
        #expect(stranger.status == 1 && stranger.stderr.contains("no committee key of 'nobody'"), "\(stranger.stderr)")
        node.stop()
        #expect(try chain.run(["chain", "verify"]).status == 0)
    }

    @Test("a node started with --approve-membership-requests admits an applicant whose own directory holds no committee key")
    func operatorApprovesThroughNode() throws {
        let chain = try DIDCommandTests.Fixture(accounts: [])
        defer { chain.remove() }
        let node = try RunningNode(dataDirectory: chain.root, arguments: ["--approve-membership-requests"])
        defer { node.stop() }
        // The applicant's directory: the chain's genesis and published auditor keys, nothing secret of the operator.
        let client = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: client) }
        for file in ["genesis.json", "auditor-epochs.json"] where FileManager.default.fileExists(atPath: chain.root.appendingPathComponent(file).path) {
            try FileManager.default.copyItem(at: chain.root.appendingPathComponent(file), to: client.appendingPathComponent(file))
        }
        let applicant = DIDCommandTests.Fixture(existing: client)
        let filed = try applicant.json(["account", "create", "dora", "--custody", "partial", "--node", node.url.absoluteString], account: "dora")
        #expect(filed["admitted"] as? Bool == true && filed["approvals"] as? [String] == ["operator"] && filed["transactionId"] == nil,
                "\(filed)")
        let created = try applicant.json(["did", "create", "--account", "dora", "--node", node.url.absoluteString], account: "dora")
        #expect((created["did"] as? String)?.hasPrefix("did:chancery:") == true)
        #expect(!FileManager.default.fileExists(atPath: client.appendingPathComponent("keys/committee-operator.key").path))
    }
}
