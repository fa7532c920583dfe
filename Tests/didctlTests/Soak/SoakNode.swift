import Chain
import Foundation
import Node
import Primitives
import Testing

/// A node process ready for the soak's mixed load: an accredited issuer ("university", partial
/// custody, with an issuer token), a holder, a CPT, a logged-in full-custody account ("bob",
/// for DID registrations through the registrar) and the chain's auditor key for audit queries.
struct SoakNode {
    let setup: CredentialCommandTests.Issuing
    let node: RunningNode
    let client: SoakClient

    init(connections: Int) async throws {
        setup = try CredentialCommandTests.Issuing()
        let chain = setup.chain
        #expect(try chain.run(["account", "create", "bob", "--custody", "full"], account: "bob").status == 0)
        let token = try #require(try chain.json(["node", "token", "--account", "university"])["token"] as? String)
        let directory = DataDirectory(url: chain.root)
        let genesis = try directory.genesis()
        let key = try directory.secp256k1Key("auditor-signing")
        let signing = Hex.encode(key.publicKey.compressedRepresentation)
        let auditor = try #require(genesis.auditors.first { $0.signingKey.lowercased() == signing })
        // A small ledger cache (4 MiB for the writer, 512 KiB per reader) fills during the
        // warm-up, so RSS at the end compares with RSS after it; the default 64 MiB would go on
        // filling for the whole soak (the last run with it: +35%, all but 4% of it SQLite's).
        node = try RunningNode(dataDirectory: chain.root, environment: ["CHANCERY_PASSWORD_UNIVERSITY": "pw-university", "CHANCERY_PASSWORD": ""],
                               arguments: ["--ledger-cache-mib", "4"])
        let login = try await SessionTests.post(node.url.appendingPathComponent("sessions"), ["username": "bob", "password": "pw-bob"])
        let session = try #require(login.body["token"] as? String, "\(login.body)")
        client = SoakClient(base: node.url, connections: connections, issuer: setup.issuer, holder: setup.holder, cpt: setup.cpt,
                            token: token, session: session, auditor: (auditor.id, key, genesis.chainId))
    }

    /// A process's resident set, in MiB, from `/proc/<pid>/status`.
    static func residentMiB(pid: Int32) -> Double {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    func stop() async {
        await client.shutdown()
        node.stop()
        setup.chain.remove()
    }
}
