import Chain
import Foundation
import Node
import Primitives

/// Audit queries sent to a running node (`--node URL`): the request is signed here with this
/// data directory's auditor signing key (`keys/auditor-signing.key`) and answered by the node
/// from its audit index, which records the query on the chain first (`specs/audit.md` §6).
enum AuditThroughNode {
    /// Signs `query` as the auditor whose signing key this data directory holds and asks the node.
    /// - Returns: the node's answer (its JSON object, `specs/openapi.yaml` `/audit/*`).
    static func ask(_ query: AuditQuery, global: GlobalOptions, nodeURL: String) async throws -> JSONObject {
        let directory = global.directory
        let chain = try await RemoteChain(url: nodeURL)
        let key = try directory.secp256k1Key("auditor-signing")
        let signing = Hex.encode(key.publicKey.compressedRepresentation)
        guard let auditor = try directory.genesis().auditors.first(where: { $0.signingKey.lowercased() == signing }) else {
            throw DidctlFailure("keys/auditor-signing.key of \(directory.url.path) is not the signing key of a genesis auditor; "
                                + "run audit commands with the auditor's data directory.")
        }
        let request = try SignedAuditRequest(auditor: auditor.id, query: query, time: UInt64(Date().timeIntervalSince1970 * 1000),
                                             key: key, chainId: chain.chainId)
        let (status, answer) = try await chain.client.post("audit/\(query.name)", try JSONValue(parsing: request.body))
        guard status == 200 else {
            throw DidctlFailure("The node refused the audit query (\(status)): \(answer["detail"]?.stringValue ?? "no reason given")")
        }
        return answer
    }

    /// The member handle an argument names without reading the chain: an account of this data
    /// directory or a 64-hex handle.
    static func handle(_ argument: String, directory: DataDirectory) throws -> MemberHandle {
        if let handle = localHandle(argument, directory: directory) { return handle }
        throw DidctlFailure("Through --node, name an account of this data directory or a 64-hex member handle; "
                            + "member names and DIDs are looked up on the auditor's own data directory (leave out --node).")
    }

    /// The handle of an account of `directory`, or of a 64-hex handle; `nil` for anything else.
    static func localHandle(_ argument: String, directory: DataDirectory) -> MemberHandle? {
        if let account = try? directory.account(argument), let handle = try? MemberHandle(hex: account.handle) { return handle }
        if argument.count == 64, let handle = try? MemberHandle(hex: argument) { return handle }
        return nil
    }

    /// The answer's entries as the text table of `audit trace`.
    static func table(_ entries: [JSONValue]) -> String {
        AuditReport.rows(["HEIGHT", "INDEX", "TIME", "TYPE", "TRANSACTION"], entries.map { entry in
            let number = { (key: String) in entry[key]?.doubleValue.map { String(UInt64($0)) } ?? "-" }
            return [number("height"), number("index"), entry["time"]?.doubleValue.map { AuditReport.time(UInt64($0)) } ?? "-",
                    entry["type"]?.stringValue ?? "-", entry["transactionId"]?.stringValue ?? "-"]
        })
    }
}
