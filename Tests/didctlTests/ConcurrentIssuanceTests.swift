import Node
import Credentials
import Foundation
import Primitives
import Testing

/// Many issuances for one issuer at once through a running node's VC API: the node serialises
/// status-list allocation itself, so no client sees another request's conflict.
struct ConcurrentIssuanceTests {
    /// The status entries (`list#index`) of a JWT credential.
    static func statusEntries(_ jwt: String) throws -> [String] {
        let payload = try #require(try JSONValue(parsing: Base64URL.decode(String(jwt.split(separator: ".")[1]))).objectValue)
        return (payload["credentialStatus"]?.arrayValue ?? []).compactMap { entry in
            guard let list = entry["statusListCredential"]?.stringValue, let index = entry["statusListIndex"]?.stringValue else { return nil }
            return "\(list)#\(index)"
        }
    }

    @Test("12 concurrent issuances for one issuer all succeed with distinct status indexes, and each can then be suspended")
    func concurrentIssuances() async throws {
        let setup = try CredentialCommandTests.Issuing()
        defer { setup.chain.remove() }
        let token = try #require(try setup.chain.json(["node", "token", "--account", "university"])["token"] as? String)
        let node = try RunningNode(dataDirectory: setup.chain.root, environment: ["CHANCERY_PASSWORD": "pw-university"])
        defer { node.stop() }
        let issue = node.url.appendingPathComponent("credentials/issue")
        func request(_ name: String) -> [String: Any] {
            VCAPIIssue.body(issuer: setup.issuer, subject: ["name": name, "degree": "PhD", "year": 2026], schema: setup.cpt)
        }
        // The first request unlocks the account's keystore (Argon2id) once, before the burst.
        let first = try await NodeCredentialEndpointTests.post(issue, request("First"), bearer: token)
        #expect(first.status == 201, "\(first.body)")

        let answers = try await withThrowingTaskGroup(of: (status: Int, credential: String?, body: String).self) { group in
            for index in 0..<12 {
                group.addTask {
                    let answer = try await NodeCredentialEndpointTests.post(issue, request("Holder \(index)"), bearer: token)
                    return (answer.status, VCAPIIssue.token(answer.body), "\(answer.body)")
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.map(\.status) == Array(repeating: 201, count: 12), "\(answers.filter { $0.status != 201 }.map(\.body))")
        let credentials = answers.compactMap(\.credential)
        let entries = try credentials.flatMap(Self.statusEntries)
        #expect(entries.count == 24)
        #expect(Set(entries).count == entries.count, "\(entries.sorted())")

        let status = node.url.appendingPathComponent("credentials/status")
        let suspended = try await withThrowingTaskGroup(of: Int.self) { group in
            for jwt in credentials {
                let payload = try #require(try JSONValue(parsing: Base64URL.decode(String(jwt.split(separator: ".")[1]))).objectValue)
                let id = try #require(payload["id"]?.stringValue)
                group.addTask {
                    try await NodeCredentialEndpointTests.post(status, ["credentialId": id, "purpose": "suspension", "value": true], bearer: token).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(suspended == Array(repeating: 200, count: credentials.count))
    }
}
